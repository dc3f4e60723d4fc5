print(int('ff', 16))
try:
    int('fg', 16)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
int('fg', 16)
