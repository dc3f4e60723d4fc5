def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print('key=value=x'.partition('='))
print('key=value=x'.rpartition('='))
print('novalue'.partition('='))
print('novalue'.rpartition('='))
print('a::b'.partition('::'), 'é→ü'.partition('→'))
attempt(lambda: 'a'.partition(''))
attempt(lambda: 'a'.rpartition(''))
attempt(lambda: 'a'.partition(1))
attempt(lambda: 'a'.partition())
