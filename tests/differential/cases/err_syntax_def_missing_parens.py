print('never')
x = 2
def f:
    return x
print(f())
