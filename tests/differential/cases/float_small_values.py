vals = [0.1, 0.2, 0.3, 0.7, 1.1, 2.2, 3.3]
for v in vals:
    print(v, v * 10, v / 10, v + 1)
print(sum(vals))
print(0.1 + 0.7)
print(1.1 * 1.1)
