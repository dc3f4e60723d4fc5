a = 1; b = 2; c = a + b
print(a, b, c); print('two statements')
if c: x = 1; y = 2
print(x, y)
for i in range(2): print('loop', i)
