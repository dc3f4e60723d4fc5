x = 5
print(1 < x < 10)
print(1 < x > 10)
print(1 < 2 < 3 < 4 < 5)
print(1 < 2 > 1 < 3)
print(x == 5 == 5.0)
print(3 > 2 == True)
print(1 <= 1 < 2 != 3)
a, b, c = 1, 2, 2
print(a < b <= c, a < b < c)
