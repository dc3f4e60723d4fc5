def f(a, *, key):
    return a, key
print(f(1, key=2))
try:
    f(1)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
f(1)
