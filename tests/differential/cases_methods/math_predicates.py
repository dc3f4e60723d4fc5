def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

import math
for x in [0, 1.5, math.inf, -math.inf, math.nan, 10**30, True]:
    print(x, math.isnan(x), math.isinf(x), math.isfinite(x))
attempt(lambda: math.isnan('x'))
attempt(lambda: math.isinf())
