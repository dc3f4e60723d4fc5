sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda *a: len(a))(1, 2, 3))
print((lambda **k: sorted(k))(z=1, a=2))
print(sorted(['bb', 'a', 'ccc'], key=lambda s: -len(s)))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, add)(2))
print((lambda: 'no args')())
