def f(a, b):
    return a
print(f(1, b=2))
try:
    f(1, a=2)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
f(1, a=2)
