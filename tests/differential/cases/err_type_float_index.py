lst = [1, 2, 3]
print(lst[1])
try:
    print(lst[1.0])
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(lst[1.0])
