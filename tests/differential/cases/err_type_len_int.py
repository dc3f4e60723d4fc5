print(len([1, 2]))
try:
    print(len(5))
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(len(5))
