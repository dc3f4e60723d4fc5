def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

import math
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(), math.hypot(-5), math.hypot(1, 2, 3), math.hypot(1e200, 1e200), math.hypot(1e-200, 1e-200))
print(math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.hypot(0.1, 0.2, 0.3, 0.4))
print(math.dist([0, 0], [3, 4]), math.dist((1, 2, 3), (4, 5, 6)))
attempt(lambda: math.hypot('a'))
attempt(lambda: math.dist([1], [1, 2]))
