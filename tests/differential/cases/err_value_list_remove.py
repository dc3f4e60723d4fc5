a = [1, 2, 3]
a.remove(2)
print(a)
try:
    a.remove(2)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
a.remove(2)
