print('never')
def f():
    return 1
x = f()
return 5
