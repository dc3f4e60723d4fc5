x = 5
print(x)
try:
    x()
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
x()
