s = 'hello'
print(s[0])
try:
    s[0] = 'H'
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
s[0] = 'H'
