for e in range(14, 20):
    print(10.0 ** e)
print(12345678901234567890.0)
print(float(10 ** 16 + 1))
print(9007199254740993.0)
