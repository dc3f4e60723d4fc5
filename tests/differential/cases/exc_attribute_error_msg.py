for obj, attr in [(1, 'foo'), ('s', 'bar'), ([], 'baz'), ({}, 'qux'), (None, 'zip'), (1.5, 'zzz')]:
    try:
        getattr(obj, attr)
    except AttributeError as e:
        print(e)
