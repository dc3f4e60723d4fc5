try:
    print('try ok')
except ValueError:
    print('no')
else:
    raise ValueError('from else')
