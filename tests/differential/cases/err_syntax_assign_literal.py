print('never')
x = 3
y = x + 1
5 = x
print(y)
