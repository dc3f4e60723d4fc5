data = {'name': 'Zed', 'score': 9.5}
print('%(name)s scored %(score).1f' % data)
print('%(name)r' % data)
print('%+d %+d % d' % (5, -5, 5))
print('%*d|%-*d|' % (5, 1, 4, 2))
print('%.*f' % (2, 3.14159))
print('%i %u' % (3, 4))
print('%s' % 'single')
