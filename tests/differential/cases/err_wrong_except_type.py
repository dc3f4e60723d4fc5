try:
    print('raising KeyError')
    {}['x']
except IndexError:
    print('not reached')
