try:
    int('bad')
except ValueError as e:
    print('logging', e)
    raise
