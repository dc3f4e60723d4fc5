def f():
    pass
print(callable(f), callable(len), callable(lambda: 0), callable(int))
print(callable(1), callable('s'), callable([]), callable(None))
print(callable(str.upper), callable('x'.upper))
