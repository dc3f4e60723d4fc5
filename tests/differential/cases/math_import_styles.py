import math as m
print(m.sqrt(81))
from math import pi, sqrt, floor as fl
print(pi, sqrt(2), fl(2.9))
from math import ceil, e
print(ceil(1.1), e)
import math
print(math.tau)
