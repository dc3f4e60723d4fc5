values = [1, 2, 3]
assert len(values) == 3, 'length ok'
print('ok so far')
try:
    assert sum(values) > 10, f'sum too small: {sum(values)}'
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
assert sum(values) > 10, f'sum too small: {sum(values)}'
