s = '  the quick\tbrown\n\nfox  '
print(s.split())
print(s.split(None, 1))
print(s.split(maxsplit=2))
print(s.rsplit())
print(s.rsplit(None, 1))
print(s.rsplit(maxsplit=2))
print(''.split(), '   '.split(), 'a'.split(), ' a '.split(None, 0), ' a b '.rsplit(None, 0))
print('a\u3000b\xa0c\x1cd'.split())
