s = 'ab'
print(s + 'cd')
print(s * 3)
print(3 * s)
print(s * 0, repr(s * -1))
print('-' * 20)
t = ''
for i in range(5):
    t += str(i)
print(t)
print([1, 2] * 2, (0,) * 3)
