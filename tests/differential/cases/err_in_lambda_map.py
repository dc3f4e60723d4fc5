print(list(map(lambda s: s.upper(), ['a', 'b'])))
try:
    print(list(map(lambda s: s.upper(), ['a', 2])))
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(list(map(lambda s: s.upper(), ['a', 2])))
