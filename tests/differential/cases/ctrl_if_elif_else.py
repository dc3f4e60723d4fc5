def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
for v in [-5, 0, 3, 10, 100]:
    print(v, classify(v))
x = 7
if x > 5: print('inline if')
if x: pass
else: print('never')
