a = 2 ** 64
print(a)
print(a * a)
print(a - 1)
print(-a)
b = 123456789012345678901234567890
print(b * 987654321)
print(b + b)
print(b * -b)
