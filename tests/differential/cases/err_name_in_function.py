def f():
    return missing_thing * 2
print('calling')
try:
    f()
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
f()
