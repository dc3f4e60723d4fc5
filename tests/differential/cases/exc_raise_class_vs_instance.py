for cls in [ValueError, KeyError, IndexError, ZeroDivisionError, AssertionError, StopIteration, NotImplementedError, RuntimeError]:
    try:
        raise cls('payload')
    except Exception as e:
        print(type(e).__name__, repr(e), isinstance(e, cls))
try:
    raise ValueError
except ValueError as e:
    print('class raised', type(e))
