print('dividing')
a = 10
b = 0
try:
    print(a / b)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(a / b)
