a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
lst = [10, 20, 30]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
x, y = 0, 1
for _ in range(10):
    x, y = y, x + y
print(x, y)
