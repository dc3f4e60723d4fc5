print('never')
value = 1
def f():
    return value
lambda = 3
