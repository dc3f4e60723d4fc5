print(float(10 ** 300))
try:
    print(float(10 ** 400))
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(float(10 ** 400))
