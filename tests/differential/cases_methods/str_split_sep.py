s = 'a,b,,c,'
print(s.split(','), s.split(',', 1), s.split(',', 0), s.split(',', -1))
print(s.rsplit(','), s.rsplit(',', 1), s.rsplit(',', 2))
print(''.split(','), 'abc'.split('abc'), 'aXXbXXc'.split('XX'), 'aXXXb'.split('XX'), 'aXXXb'.rsplit('XX'))
print('a→b→c'.split('→'), 'a→b→c'.rsplit('→', 1))
print('1 2 3'.split(sep=' ', maxsplit=1))
