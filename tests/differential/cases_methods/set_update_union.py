def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

s = {1, 2}
s.update([3, 4], (5,), {6: 0}, range(7, 9)); print(s)
print({1, 2}.union({3}), {1}.union([2, 3], (4,)), {1}.union(), {1, 2}.union({2, 3}))
print(frozenset([1]).union([2]), type(frozenset([1]).union([2])).__name__)
print({1}.union(frozenset([2])), type({1}.union(frozenset([2]))).__name__)
attempt(lambda: s.update(1))
attempt(lambda: s.union(1))
attempt(lambda: s.union([[1]]))
attempt(lambda: s.update(x=1))
