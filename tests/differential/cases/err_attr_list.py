a = [1]
a.append(2)
print(a)
try:
    a.add(3)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
a.add(3)
