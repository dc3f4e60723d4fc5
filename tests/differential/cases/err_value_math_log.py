import math
print(math.log(1))
try:
    math.log(0)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
math.log(0)
