lst = [1, 2, 3]
print(lst[2])
try:
    print(lst[3])
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(lst[3])
