lst = [1]
lst += [2, 3]
lst *= 2
print(lst)
s = 'ab'
s += 'c'
s *= 2
print(s)
t = (1,)
t += (2,)
print(t)
d = {'n': 0}
d['n'] += 5
d['n'] **= 2
print(d)
nested = [[0]]
nested[0][0] -= 3
print(nested)
