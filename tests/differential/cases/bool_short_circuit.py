def t(n):
    print('t', n)
    return True
def f(n):
    print('f', n)
    return False
print(f(1) and t(2))
print(t(3) or f(4))
print(f(5) or t(6) and f(7))
print(not f(8) and t(9))
