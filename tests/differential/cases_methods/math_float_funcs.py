def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

import math
print(math.fabs(-3), math.fabs(2.5), math.copysign(3, -0.0), math.copysign(-2, 1), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(5, math.inf))
print(math.modf(3.75), math.modf(-3.75), math.modf(math.inf), math.modf(-math.inf), math.modf(2))
print(math.frexp(8), math.frexp(0.1), math.frexp(0.0), math.frexp(-3), math.frexp(math.inf))
print(math.ldexp(1, 10), math.ldexp(0.5, -1), math.ldexp(3.0, -1100), math.ldexp(0.0, 5000), math.ldexp(1, True))
print(math.erf(0.5), math.erfc(0.5), math.erf(-math.inf))
attempt(lambda: math.fmod(1, 0))
attempt(lambda: math.fmod(math.inf, 1))
attempt(lambda: math.ldexp(1.0, 2000))
attempt(lambda: math.ldexp(1, 1.5))
attempt(lambda: math.copysign(1))
