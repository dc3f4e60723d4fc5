print(type(1) == int, type(True) == int, type(True) == bool)
print(type([]) is list, type(()) is not list)
print(type(3)(4.9), type('x')(12), type([])('ab'))
print(int('7') + type(2.0)('1.5'))
