def show(**kw):
    for k in kw:
        print(k, '=', kw[k])
    return len(kw)
print(show(a=1, b='two'))
print(show())
def mix(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(mix(1, c=3))
print(mix(1, 2, 3, 4, c=5, e=6, f=7))
print(show(**{'x': 1, 'y': 2}))
