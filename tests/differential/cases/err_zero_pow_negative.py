print(0 ** 2)
try:
    print(0 ** -1)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(0 ** -1)
