def documented(x):
    """Return x doubled."""
    return 2 * x
def multi():
    '''First line.

    More text.
    '''
def plain():
    return 1
print(documented.__doc__)
print(repr(multi.__doc__))
print(plain.__doc__)
print(documented.__name__, plain.__name__)
