s = {10, 3, 7, 1, 100, 33, 64, 8}
print(s)
print(s.union({2, 99}), s.intersection({3, 64, 1000}), s.difference({10, 100}), s.symmetric_difference({1, 2}))
t = set()
for x in [50, 18, 2, 34, 66]:
    t.add(x)
print(t, sorted(t), len(t))
t.discard(18); t.add(82); print(t)
print({-1, -2, 0, 5}, {True, 1, 1.0, 2}, {(1, 2), (0, 1)})
print(frozenset({3, 1, 2}), frozenset(), set())
