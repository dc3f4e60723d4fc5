t = (1,)
print(t[0])
try:
    print(t[1])
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(t[1])
