print(1 < 2)
try:
    print(None < 1)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(None < 1)
