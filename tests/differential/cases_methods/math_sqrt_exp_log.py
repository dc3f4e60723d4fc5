import math
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.0), math.sqrt(-0.0), math.sqrt(1e308), math.sqrt(10**20))
print(math.exp(1), math.exp(0), math.exp(-1000), math.exp(709), math.expm1(1e-10), math.log1p(1e-10))
print(math.log(100), math.log(100, 10), math.log(8, 2), math.log(2.5, 0.5), math.log2(1024), math.log10(0.001), math.log2(3))
print(math.log(10**400), math.log10(10**400), math.log2(2**2000), math.log(2**1100, 2), math.log(True))
print(math.exp2(10), math.cbrt(27), math.cbrt(-8))
