print('never')
x = 1
if x:
    print(x)
print('between')
else:
    print('no')
