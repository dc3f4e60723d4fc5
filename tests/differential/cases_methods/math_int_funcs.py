import math
print(math.factorial(0), math.factorial(1), math.factorial(5), math.factorial(20), math.factorial(21), math.factorial(30))
print(len(str(math.factorial(500))), math.factorial(100) % 10**9 == 0, math.factorial(True))
print(math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 5), math.gcd(), math.gcd(7), math.gcd(-7), math.gcd(12, 18, 27), math.gcd(2**100, 6**50))
print(math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6), math.lcm(2, 3, 4), math.lcm(2**70, 3))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(52, 5), math.comb(100, 50), math.comb(10**20, 3))
print(math.perm(5, 2), math.perm(5), math.perm(3, 5), math.perm(10, 10), math.perm(30, 20))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**30), math.isqrt(2**127), math.isqrt(2**64 - 1))
