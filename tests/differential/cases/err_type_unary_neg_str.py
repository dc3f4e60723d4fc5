print(-5)
try:
    print(-'five')
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(-'five')
