def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

import math
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.fsum([1, 2, 3]))
print(math.fsum([1e-16, 1, 1e16]), math.fsum(x / 10 for x in range(100)), math.fsum([math.inf, 1]), math.fsum([math.nan, 1]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 21)), math.prod(range(1, 30)), math.prod([2.5, 2]), math.prod([2, 3], start=10), math.prod([[1]], start=1))
attempt(lambda: math.fsum([math.inf, -math.inf]))
attempt(lambda: math.fsum([1e308, 1e308]))
attempt(lambda: math.fsum(1))
attempt(lambda: math.fsum(['a']))
attempt(lambda: math.prod())
attempt(lambda: math.prod([1], 2))
attempt(lambda: math.prod([1], x=2))
attempt(lambda: math.prod(['a', 'b']))
