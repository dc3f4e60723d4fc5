import numpy as np
a = np.array([3, 1, 2])
print(sorted(a), max(a), min(a), sum(a))
d = {a[0]: 'x'}
print(d[3])
print(list(range(a[0])))
print([1, 2, 3, 4][a[1]])
print(a[0] == 3, a[0] in [1, 2, 3], 2 in a, 5 in a)
total = 0
for x in a:
    total += x
print(total, type(total))
print(str(np.float64(2.5)), '%s' % np.int64(4), '{}'.format(np.float64(0.5)))
