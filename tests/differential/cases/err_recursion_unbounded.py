def down(n):
    return down(n + 1)
print('recursing')
try:
    down(0)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
down(0)
