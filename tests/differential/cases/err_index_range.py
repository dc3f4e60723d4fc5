r = range(5)
print(r[4])
try:
    print(r[5])
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(r[5])
