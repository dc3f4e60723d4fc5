def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print('TestHook'.removeprefix('Test'), 'BaseTestCase'.removeprefix('Test'), 'abc'.removeprefix(''), 'abc'.removeprefix('abcd'))
print('MiscTests'.removesuffix('Tests'), 'TmpDirMixin'.removesuffix('Tests'), 'abc'.removesuffix(''), 'abc'.removesuffix('abc'))
attempt(lambda: 'a'.removeprefix(1))
attempt(lambda: 'a'.removesuffix(None))
attempt(lambda: 'a'.removeprefix())
