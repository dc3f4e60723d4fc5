import math
print(math.trunc(3.9), math.trunc(-3.9))
print(math.copysign(2, -0.0), math.fmod(7, 3), math.fmod(-7, 3))
print(math.isfinite(1.0), math.isfinite(math.inf))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3)
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.pow(2, 10), math.modf(3.5))
print(math.floor(1e20), math.ceil(-0.5))
print(math.dist([0, 0], [3, 4]))
