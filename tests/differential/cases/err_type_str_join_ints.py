print(','.join(['a', 'b']))
try:
    print(','.join([1, 2]))
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(','.join([1, 2]))
