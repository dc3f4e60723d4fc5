a = [0] * 3
a[2] = 1
print(a)
try:
    a[3] = 1
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
a[3] = 1
