def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

import math
attempt(lambda: math.factorial(-1))
attempt(lambda: math.factorial(1.5))
attempt(lambda: math.factorial(5.0))
attempt(lambda: math.factorial('5'))
attempt(lambda: math.gcd(1.5, 2))
attempt(lambda: math.lcm(2, 'a'))
attempt(lambda: math.comb(-1, 2))
attempt(lambda: math.comb(3, -1))
attempt(lambda: math.comb(3.0, 1))
attempt(lambda: math.perm(3, -1))
attempt(lambda: math.perm(-3))
attempt(lambda: math.isqrt(-1))
attempt(lambda: math.isqrt(2.0))
attempt(lambda: math.comb(1))
