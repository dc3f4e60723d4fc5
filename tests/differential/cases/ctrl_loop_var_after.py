for i in range(5):
    pass
print(i)
for j in []:
    pass
k = 0
while k < 3:
    k += 1
print(k)
total = 0
for n in range(1, 5):
    total += n
else:
    total *= 10
print(total)
