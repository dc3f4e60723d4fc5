s = 'hello world, hello'
print(s.find('hello'), s.rfind('hello'))
print(s.find('xyz'), s.rfind('xyz'))
print(s.find('o', 5), s.find('o', 5, 7))
print(s.index('world'), s.rindex('o'))
print(s.find(''), s.rfind(''))
print(s.count('l'), s.count('hello'), s.count(''))
print(s.count('l', 5, 12))
