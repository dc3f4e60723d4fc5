a, b = 1, 2
print(a, b)
try:
    c, d = 3
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
c, d = 3
