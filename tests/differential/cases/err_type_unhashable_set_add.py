s = {1, 2}
s.add((3,))
print(len(s))
try:
    s.add({})
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
s.add({})
