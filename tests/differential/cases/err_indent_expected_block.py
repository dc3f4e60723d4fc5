print('start')
def ok():
    return 0
def f():
return 1
