def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

import math
for x in [2.5, -2.5, 3.0, -0.0, 1e20, -1e20, 1e300, 7, -7, True, 10**30, 0.9999999999999999]:
    r = (math.floor(x), math.ceil(x), math.trunc(x))
    print(x, r, [type(v).__name__ for v in r])
attempt(lambda: math.floor(math.inf))
attempt(lambda: math.ceil(-math.inf))
attempt(lambda: math.trunc(math.nan))
attempt(lambda: math.floor('1'))
attempt(lambda: math.floor())
