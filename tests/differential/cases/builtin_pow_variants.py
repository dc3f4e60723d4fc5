print(pow(2, 8), pow(2, -1), pow(2.5, 2), pow(-8, 3))
print(pow(3, 4, 5), pow(10, 100, 97))
print(pow(0, 0), pow(1, 10 ** 6))
print(pow(2, 0.5))
