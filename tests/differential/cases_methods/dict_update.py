def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

d = {'a': 1}
d.update({'b': 2}); print(d)
d.update([('c', 3), ['d', 4]]); print(d)
d.update(e=5, a=0); print(d)
d.update({'f': 6}, g=7); print(d)
d.update(); print(d)
d.update(zip('xy', range(2))); print(d)
d.update(['pq']); print(d)
d.update(d); print(d)
attempt(lambda: d.update(1))
attempt(lambda: d.update([1]))
attempt(lambda: d.update([(1, 2, 3)]))
attempt(lambda: d.update({}, {}))
attempt(lambda: d.update(['abc']))
