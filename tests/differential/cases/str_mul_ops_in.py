s = 'abc'
print('b' in s, 'bc' in s, 'ac' in s)
print(s * 2 + s[::-1])
print(len(s * 100))
print(s.count('a') * 'x')
print(str(12) + str(3.5) + str(None) + str(True))
