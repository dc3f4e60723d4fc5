a, b = 0, 1
for _ in range(300):
    a, b = b, a + b
print(a)
print(len(str(a)), a % 1000000007)
print(str(a)[:10], str(a)[-10:])
