import math
for x in [0, 0.5, 1, -1, math.pi / 6, math.pi / 4, 2]:
    print(x, math.sin(x), math.cos(x), math.tan(x), math.atan(x), math.sinh(x), math.cosh(x), math.tanh(x), math.asinh(x))
print(math.asin(0.5), math.acos(0.5), math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0.0, -0.0), math.acosh(2), math.atanh(0.5))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(45))
print(math.sin(math.nan), math.atan(math.inf), math.tanh(-math.inf))
