def abstract():
    raise NotImplementedError('subclass must implement')
print('start')
try:
    abstract()
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
abstract()
