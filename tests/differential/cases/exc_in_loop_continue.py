values = ['1', 'x', '3', '', '5']
total = 0
for v in values:
    try:
        total += int(v)
    except ValueError:
        print('skip', repr(v))
        continue
    print('added', v)
print('total', total)
