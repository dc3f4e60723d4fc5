e = ValueError('one', 2)
print(e.args, str(e), repr(e))
e2 = Exception()
print(e2.args, repr(str(e2)), repr(e2))
e3 = RuntimeError('msg')
print(str(e3), repr(e3))
try:
    raise TypeError
except TypeError as t:
    print(repr(t), t.args)
