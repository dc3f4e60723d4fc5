a = 2 ** 70 + 12345
print(a & 0xFFFF)
print(a | 1)
print(a ^ a)
print(a >> 60)
print(1 << 100)
print((1 << 100) >> 99)
print(-a >> 3)
print(~a)
