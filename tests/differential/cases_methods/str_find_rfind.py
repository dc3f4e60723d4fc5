s = 'hello world, hello'
print(s.find('hello'), s.find('hello', 1), s.find('o', 5, 8), s.find('xyz'), s.find(''), s.find('', 50), s.find('', 18))
print(s.rfind('hello'), s.rfind('o'), s.rfind('o', 0, 5), s.rfind('xyz'), s.rfind(''), s.rfind('l', -5, -1))
print('αβγαβγ'.find('γ'), 'αβγαβγ'.rfind('α'), 'αβγαβγ'.find('β', 2), 'αβγαβγ'.rfind('β', 0, 4))
print(s.find('h', None, None), s.find('h', True))
