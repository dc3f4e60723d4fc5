import math
print(math.log(math.e), math.log(100, 10), math.log(8, 2))
print(math.log10(1000), math.log2(1024))
print(math.exp(0), math.exp(1))
print(math.sin(0), math.cos(0), math.sin(math.pi / 2))
print(math.tan(0), math.atan(1) * 4)
print(round(math.sin(math.pi), 10))
print(math.hypot(3, 4), math.hypot(5, 12))
print(math.degrees(math.pi), math.radians(180))
