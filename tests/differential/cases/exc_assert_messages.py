for cond, msg in [(True, 'a'), (False, 'b'), (0, 'c')]:
    try:
        assert cond, msg
        print('passed', msg)
    except AssertionError as e:
        print('failed', e)
try:
    assert [] , [1, 2]
except AssertionError as e:
    print(e.args)
