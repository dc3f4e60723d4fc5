s = {1, 2, 3}
s.remove(2)
print(s)
try:
    s.remove(2)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
s.remove(2)
