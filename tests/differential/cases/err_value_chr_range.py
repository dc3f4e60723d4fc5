print(chr(65))
try:
    chr(-1)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
chr(-1)
