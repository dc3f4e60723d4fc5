def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

import math
print(math.pow(2, 10), math.pow(2, -1), math.pow(2, 0.5), math.pow(-8, 3), math.pow(0, 0), math.pow(1, math.nan), math.pow(math.nan, 0))
print(math.pow(math.inf, -1), math.pow(-math.inf, 3), math.pow(-math.inf, 2), math.pow(0.5, math.inf), math.pow(2, -math.inf), math.pow(-1, math.inf))
attempt(lambda: math.pow(0, -1))
attempt(lambda: math.pow(-8, 1 / 3))
attempt(lambda: math.pow(10, 400))
attempt(lambda: math.pow(1))
attempt(lambda: math.pow('a', 1))
