def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(dict.fromkeys(['a', 'b']))
print(dict.fromkeys('xyz', 0))
print(dict.fromkeys(range(3), []))
print({}.fromkeys([1, 2], 'v'))
print(dict.fromkeys([]), dict.fromkeys([1, 1, 2]))
attempt(lambda: dict.fromkeys())
attempt(lambda: dict.fromkeys(1))
attempt(lambda: dict.fromkeys([[1]]))
attempt(lambda: dict.fromkeys([1], 2, 3))
