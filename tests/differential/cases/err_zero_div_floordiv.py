print(7 // 2)
try:
    print(7 // 0)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(7 // 0)
