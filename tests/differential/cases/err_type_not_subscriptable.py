n = 42
print(n)
try:
    print(n[0])
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(n[0])
