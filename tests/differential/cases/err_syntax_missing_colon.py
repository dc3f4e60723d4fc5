print('never printed')
def f(x):
    return x
if f(1) == 1
    print('x')
