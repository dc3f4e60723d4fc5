def add(a, b):
    return a + b
def mul(a, b):
    return a * b
ops = {'+': add, '*': mul}
for sym, fn in ops.items():
    print(sym, fn(6, 7))
def apply(f, *args):
    return f(*args)
print(apply(max, 3, 9, 2))
print(apply(len, 'abc'))
print(list(map(add, [1, 2], [10, 20])))
