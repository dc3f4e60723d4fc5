a = 3 ** 100
b = 7 ** 20
print(a // b)
print(a % b)
print(divmod(a, b))
print(-a // b)
print(-a % b)
print(a // -b, a % -b)
