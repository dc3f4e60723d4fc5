print('never')
y = 1
def f():
    return y
nonlocal undeclared_name
