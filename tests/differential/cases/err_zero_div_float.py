print(1.5 / 3)
try:
    print(1.5 / 0.0)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(1.5 / 0.0)
