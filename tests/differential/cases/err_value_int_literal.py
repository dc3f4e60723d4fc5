print(int('12'))
try:
    print(int('x'))
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(int('x'))
