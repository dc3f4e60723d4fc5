for i in range(10):
    if i % 3 == 0:
        continue
    print(i, end=' ')
print()
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    print(i, end=',')
print()
