import math
print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
print(math.pi * 2 == math.tau, math.isnan(math.nan), math.isinf(math.inf))
