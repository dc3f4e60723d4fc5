print('never')
a = 1
b = 2
x = = 5
print(x)
