n = 10 ** 30
print(n)
try:
    print(n // (n - n))
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(n // (n - n))
