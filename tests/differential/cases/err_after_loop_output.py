total = 0
for i in range(5):
    total += i
    print('line', i, 'total', total)
    if i == 3:
        print(10 / (i - 3))
