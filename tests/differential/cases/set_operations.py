a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset(b), {1}.issuperset(set()))
print(a.isdisjoint({7, 8}), a.isdisjoint(b))
print(a.union([7], (8,)))
