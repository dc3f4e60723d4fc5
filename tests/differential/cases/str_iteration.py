for ch in 'héy!':
    print(ch, ord(ch))
print(list('abc'))
print(tuple('xy'))
print([c * 2 for c in 'abc'])
print(dict(enumerate('ab')))
