def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for name in ['upper', 'lower', 'title', 'capitalize', 'swapcase', 'casefold', 'isalpha', 'isdigit', 'isspace', 'istitle']:
    attempt(lambda: getattr('a', name)(1))
attempt(lambda: 'a'.upper(x=1))
