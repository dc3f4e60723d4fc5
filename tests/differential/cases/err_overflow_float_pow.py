print(2.0 ** 100)
try:
    print(2.0 ** 10000)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(2.0 ** 10000)
