print('about to raise')
try:
    raise Exception('generic failure')
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
raise Exception('generic failure')
