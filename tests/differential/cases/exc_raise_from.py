try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('wrapped') from e
except ValueError as e:
    print(e, type(e.__cause__).__name__, e.__cause__)
try:
    raise RuntimeError('no cause') from None
except RuntimeError as e:
    print(e, e.__cause__, e.__suppress_context__)
