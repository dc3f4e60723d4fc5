print(int('5'))
try:
    int([1, 2])
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
int([1, 2])
