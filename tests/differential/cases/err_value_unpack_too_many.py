a, b = [1, 2]
print(a, b)
try:
    a, b = [1, 2, 3]
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
a, b = [1, 2, 3]
