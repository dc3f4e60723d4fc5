a = [5, 3, 8, 3, 1]
print(a.pop(), a)
print(a.pop(0), a)
print(a.pop(-2), a)
a.remove(3)
print(a)
a = [1, 2, 3]
a.clear()
print(a)
b = [1, [2, 3]]
c = b.copy()
c[1].append(4)
print(b, c, b is c)
