s = 'text'
print(s.upper())
try:
    s.push('x')
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
s.push('x')
