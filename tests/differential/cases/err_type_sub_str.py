try:
    print('a' - 'b')
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print('a' - 'b')
