assert True
assert 1 + 1 == 2, 'math broken'
x = [1]
assert x, 'list empty'
try:
    assert False, 'custom message'
except AssertionError as e:
    print('caught', e)
try:
    assert 1 > 2
except AssertionError as e:
    print('bare', repr(str(e)))
