def test(exc):
    try:
        raise exc
    except LookupError as e:
        print('LookupError caught', type(e).__name__)
    except ArithmeticError as e:
        print('ArithmeticError caught', type(e).__name__)
    except Exception as e:
        print('Exception caught', type(e).__name__)
test(KeyError('k'))
test(IndexError('i'))
test(ZeroDivisionError('z'))
test(OverflowError('o'))
test(TypeError('t'))
test(NameError('n'))
