s = 'hello'
print(getattr(s, 'upper')())
print(hasattr(s, 'upper'), hasattr(s, 'nope'))
print(getattr(s, 'nope', 'default'))
print(hasattr([], 'append'), hasattr({}, 'keys'), hasattr(1, 'real'))
print(getattr(3 + 4j, 'imag'))
f = getattr([3, 1, 2], 'index')
print(f(1))
