try:
    [][0]
except:
    print('bare except caught')
try:
    raise SystemError('x') if False else ValueError('v')
except Exception:
    print('Exception caught')
x = 0
try:
    x = 1
except:
    x = 2
else:
    x += 10
print(x)
