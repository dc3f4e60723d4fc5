print('never')
total = 0
for in range(3):
    total += 1
print(total)
