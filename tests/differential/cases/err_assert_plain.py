x = 3
assert x == 3
print('first assert passed')
try:
    assert x == 4
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
assert x == 4
