import math
print(math.sqrt(4))
try:
    print(math.sqrt(-1))
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(math.sqrt(-1))
