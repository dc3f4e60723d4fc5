print('{name} is {age} years old'.format(name='Ann', age=30))
d = {'x': 1, 'y': [10, 20]}
print('{0[x]} {0[y]} {0[y][1]}'.format(d))
print('{a[0]} {a[2]}'.format(a=[7, 8, 9]))
print('{p.real} {p.imag}'.format(p=3+4j))
print('{x}{x}'.format(x='ab', y=1))
