def inner():
    try:
        raise ValueError('original')
    except ValueError:
        print('inner handling')
        raise
try:
    inner()
except ValueError as e:
    print('outer got', e)
try:
    try:
        {}['missing']
    except KeyError as e:
        raise e
except KeyError as e:
    print('re-raised', repr(e))
