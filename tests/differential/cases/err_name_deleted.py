x = 5
print(x)
del x
try:
    print(x)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(x)
