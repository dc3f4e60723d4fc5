total = 0.0
for i in range(1, 101):
    total += 1 / i
print(total)
x = 1.0
for _ in range(20):
    x = x / 2 + 1
print(x)
print(sum(1 / 2 ** k for k in range(60)))
avg = sum([1.5, 2.25, 3.125]) / 3
print(avg, round(avg, 3))
