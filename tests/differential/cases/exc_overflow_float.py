try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
import math
try:
    math.exp(1000)
except OverflowError as e:
    print(type(e).__name__, e)
print(10 ** 400 > 1e308)
