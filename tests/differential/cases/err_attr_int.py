x = 5
print(x.real)
try:
    print(x.foo)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(x.foo)
