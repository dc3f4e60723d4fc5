result = [3, 1, 2].sort()
print(result)
try:
    result.append(4)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
result.append(4)
