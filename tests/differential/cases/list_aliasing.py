a = [1, 2, 3]
b = a
b.append(4)
print(a)
c = a[:]
c.append(5)
print(a, c)
def mutate(lst):
    lst.append('m')
mutate(a)
print(a)
a += [6]
print(b)
a = a + [7]
print(a, b)
