try:
    try:
        raise KeyError('first')
    except KeyError:
        raise TypeError('second')
except TypeError as e:
    print(e, repr(e.__context__))
