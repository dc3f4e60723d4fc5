for v in [1, 1.5, 'a', [], (), {}, set(), None, True, 1j, range(3), len, print]:
    print(type(v))
def f():
    pass
print(type(f), type(lambda: 0))
print(type(1).__name__, type('x').__name__, type(None).__name__)
print(type(type(1)))
print(int, str, float)
