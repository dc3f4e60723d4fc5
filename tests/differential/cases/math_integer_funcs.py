import math
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 8))
print(math.factorial(0), math.factorial(10), math.factorial(25))
print(math.comb(5, 2), math.comb(50, 25), math.perm(5, 2))
print(math.isqrt(99), math.isqrt(10 ** 20))
print(math.lcm(4, 6))
print(math.prod([1, 2, 3, 4]))
