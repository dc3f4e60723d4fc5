def f():
    try:
        raise ValueError('inner')
    finally:
        print('in finally')
try:
    f()
except ValueError as e:
    print('got', e)
def g():
    try:
        raise ValueError('lost')
    finally:
        raise KeyError('replacement')
try:
    g()
except Exception as e:
    print(type(e).__name__, e, type(e.__context__).__name__)
