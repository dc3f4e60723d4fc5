print(divmod(9, 4))
try:
    print(divmod(9, 0))
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(divmod(9, 0))
