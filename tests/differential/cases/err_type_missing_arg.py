def f(a, b):
    return a + b
print(f(1, 2))
try:
    print(f(1))
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(f(1))
