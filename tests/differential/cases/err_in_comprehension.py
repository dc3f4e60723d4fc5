print([10 // x for x in [1, 2, 5]])
try:
    print([10 // x for x in [1, 0, 5]])
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print([10 // x for x in [1, 0, 5]])
