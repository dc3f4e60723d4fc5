n = 0
while n < 3:
    print('loop', n)
    n += 1
else:
    print('else ran', n)
while True:
    n -= 1
    if n == 1:
        break
else:
    print('not printed')
print('after', n)
