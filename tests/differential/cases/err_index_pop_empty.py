a = [1]
print(a.pop())
try:
    a.pop()
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
a.pop()
