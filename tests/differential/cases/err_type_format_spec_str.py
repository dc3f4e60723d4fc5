print(format(3.5, '.1f'))
try:
    print(format('abc', 'd'))
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(format('abc', 'd'))
