print(5.5 % 2)
try:
    print(5.5 % 0.0)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(5.5 % 0.0)
