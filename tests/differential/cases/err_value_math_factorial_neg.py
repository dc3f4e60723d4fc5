import math
print(math.factorial(5))
try:
    math.factorial(-1)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
math.factorial(-1)
