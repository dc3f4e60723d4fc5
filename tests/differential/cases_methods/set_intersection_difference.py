def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a.intersection(b), a.intersection([1, 9, 2]), a.intersection(b, {5}), a.intersection())
print(a.difference(b), a.difference([1, 2], (3,)), a.difference(), b.difference(a))
print(a.symmetric_difference(b), a.symmetric_difference([1, 10]), b.symmetric_difference(a))
print(frozenset(a).intersection(b), frozenset(a).difference(b), frozenset(a).symmetric_difference(b))
big = set(range(100)); print(big.difference({1, 2}) == set(range(3, 100)), sorted(big.intersection(range(95, 200))))
attempt(lambda: a.intersection(1))
attempt(lambda: a.difference(None))
attempt(lambda: a.symmetric_difference())
attempt(lambda: a.symmetric_difference(1, 2))
