print(list(range(3)))
for ch in 'ab':
    print(ch)
count = 5
for x in count:
    print(x)
