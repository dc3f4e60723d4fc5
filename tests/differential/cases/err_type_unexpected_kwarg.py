def f(a, b=2):
    return a * b
print(f(3, b=4))
try:
    f(3, c=4)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
f(3, c=4)
