print(sorted([3, 1, 2]))
try:
    print(sorted([3, 'a', 2]))
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(sorted([3, 'a', 2]))
