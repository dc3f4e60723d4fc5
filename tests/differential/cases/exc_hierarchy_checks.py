def catches(exc, base):
    try:
        raise exc
    except base:
        return True
    except BaseException:
        return False
print(catches(ZeroDivisionError(), ArithmeticError), catches(KeyError(), LookupError))
print(catches(IndexError(), LookupError), catches(ValueError(), Exception))
print(catches(Exception(), BaseException), catches(KeyboardInterrupt(), Exception))
print(catches(RecursionError(), RuntimeError), catches(NotImplementedError(), RuntimeError))
print(catches(UnboundLocalError(), NameError), catches(OverflowError(), ArithmeticError))
print(catches(StopIteration(), Exception), catches(KeyError(), IndexError))
print(catches(AssertionError(), Exception), catches(TypeError(), ValueError))
