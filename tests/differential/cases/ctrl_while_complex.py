a, b = 1071, 462
while b:
    a, b = b, a % b
print('gcd', a)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print('collatz', steps)
