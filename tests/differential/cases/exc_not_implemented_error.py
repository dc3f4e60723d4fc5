def todo():
    raise NotImplementedError('later')
try:
    todo()
except NotImplementedError as e:
    print(type(e).__name__, e)
except RuntimeError:
    print('wrong')
