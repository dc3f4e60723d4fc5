def f(a, b, c):
    print(a, b, c)
f(1, 2, 3)
f(c=3, a=1, b=2)
f(1, c=3, b=2)
f(*[1], **{'c': 3, 'b': 2})
def order(**kw):
    print(list(kw.items()))
order(z=1, y=2, x=3)
