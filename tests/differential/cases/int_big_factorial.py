f = 1
for i in range(1, 31):
    f *= i
    if i % 5 == 0:
        print(i, f)
print(len(str(f)))
