d = {'a': 1}
try:
    d['missing']
except KeyError as e:
    print(e)
    print(repr(e))
    print(e.args)
try:
    d[42]
except KeyError as e:
    print(e, e.args[0] + 1)
try:
    d[(1, 2)]
except KeyError as e:
    print(e)
try:
    raise KeyError()
except KeyError as e:
    print(repr(str(e)))
