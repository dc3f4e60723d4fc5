s = 'abracadabra'
print(s.count('a'), s.count('ab'), s.count('abra'), s.count('z'), s.count(''), s.count('a', 3), s.count('a', 3, 8), s.count('a', -4), s.count('a', None, -1), s.count('', 20), s.count('', 5, 3))
print('aaaa'.count('aa'), 'ééé'.count('é'), 'ééé'.count('', 1))
