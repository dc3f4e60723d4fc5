t = ([1], [2])
t[0].append(10)
print(t)
t2 = t + ([3],)
print(t2, len(t2))
print(hash((1, 2)) == hash((1, 2)))
d = {(1, 2): 'pair', (3,): 'one'}
print(d[(1, 2)], d[3,])
