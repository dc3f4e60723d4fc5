d = {}
for i in range(1_000_000):
    d[i % 1000] = d.get(i % 1000, 0) + i
l = [i * 2 for i in range(1_000_000)]
l.sort(reverse=True)
print(sum(d.values()), l[0], len(l))
