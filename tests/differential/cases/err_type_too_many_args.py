def f(a):
    return a
print(f(1))
try:
    f(1, 2)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
f(1, 2)
