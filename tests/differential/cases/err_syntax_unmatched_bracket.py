print('never')
a = [1, 2, 3]
b = a[0]]
print(b)
x = 1
