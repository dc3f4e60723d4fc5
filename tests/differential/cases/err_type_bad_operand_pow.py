print(2 ** 3)
try:
    print('2' ** 3)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print('2' ** 3)
