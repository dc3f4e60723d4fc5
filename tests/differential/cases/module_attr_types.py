import math
import time
print(type(math).__name__)
print(math.__name__)
print(callable(math.sqrt), callable(time.time))
print(hasattr(math, 'pi'), hasattr(math, 'nothing_here'))
print(getattr(math, 'e'))
