import math
print(math.pi)
try:
    math.no_such_attribute
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
math.no_such_attribute
