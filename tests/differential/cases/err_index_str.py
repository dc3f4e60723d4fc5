s = 'abc'
print(s[2])
try:
    s[10]
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
s[10]
