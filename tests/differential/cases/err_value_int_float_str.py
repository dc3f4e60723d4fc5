print(int('7'))
try:
    int('3.5')
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
int('3.5')
