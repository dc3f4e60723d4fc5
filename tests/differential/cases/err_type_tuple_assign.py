t = (1, 2, 3)
print(t[0])
try:
    t[0] = 10
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
t[0] = 10
