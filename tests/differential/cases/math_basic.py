import math
print(math.sqrt(16), math.sqrt(2))
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.7), math.ceil(-3.2))
print(math.pi, math.e)
print(math.inf, -math.inf, math.nan)
print(math.isnan(math.nan), math.isinf(math.inf), math.isnan(1.0))
print(math.fabs(-3), math.fabs(2.5))
print(type(math.floor(2.5)), type(math.sqrt(4)))
