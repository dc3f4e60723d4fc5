d = {'a': 1}
print(d.popitem())
try:
    d.popitem()
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
d.popitem()
