def logged(fn):
    def wrapper(*args, **kw):
        print('calling', fn.__name__, args, kw)
        result = fn(*args, **kw)
        print('result', result)
        return result
    return wrapper
def add(a, b=0):
    return a + b
add = logged(add)
add(1, b=2)
add(5)
def repeat(n):
    def deco(fn):
        def inner():
            return [fn() for _ in range(n)]
        return inner
    return deco
def hi():
    return 'hi'
hi = repeat(3)(hi)
print(hi())
