d = {1: 'int', 1.5: 'float', 'one': 'str', (1, 2): 'tuple', None: 'none', True: 'bool?'}
print(d)
print(d[1], d[True], d[1.0])
print(len(d))
d2 = {0: 'a', False: 'b', 0.0: 'c'}
print(d2)
