print(float('1.5'))
try:
    float('one point five')
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
float('one point five')
