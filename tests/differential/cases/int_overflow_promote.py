x = 9223372036854775807
print(x + 1)
print(x * 2)
y = -9223372036854775808
print(y - 1)
print(y * -1)
print(abs(y))
print(-y)
print(x * x)
print(y // -1)
