print(format(5, 'd'))
try:
    print(format(5, 'y'))
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(format(5, 'y'))
