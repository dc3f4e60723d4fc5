def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

a = {1, 2}
print(a.issubset({1, 2, 3}), a.issubset([1]), a.issubset(a), set().issubset([]))
print(a.issuperset({1}), a.issuperset([1, 2, 3]), a.issuperset(()), a.issuperset(range(1, 3)))
print(a.isdisjoint({3, 4}), a.isdisjoint([2]), a.isdisjoint([]), set().isdisjoint(set()))
print(frozenset([1]).issubset({1, 2}), frozenset([1, 2]).issuperset(frozenset([2])), frozenset().isdisjoint([1]))
attempt(lambda: a.issubset(1))
attempt(lambda: a.issuperset())
attempt(lambda: a.isdisjoint(1, 2))
attempt(lambda: a.issubset([[1]]))
