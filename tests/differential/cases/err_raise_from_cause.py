try:
    {}['k']
except KeyError as e:
    print('converting')
    raise RuntimeError('lookup failed') from e
