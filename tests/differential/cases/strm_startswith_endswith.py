s = 'filename.py'
print(s.startswith('file'), s.startswith('name'))
print(s.endswith('.py'), s.endswith(('.txt', '.py')))
print(s.startswith(('a', 'b')), s.startswith('name', 4))
print(s.endswith('file', 0, 4))
print(''.startswith(''), 'a'.endswith(''))
