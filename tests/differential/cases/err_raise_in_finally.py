try:
    print('body')
finally:
    print('finally')
    raise KeyError('from finally')
