def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print('{a}-{b}'.format_map({'a': 1, 'b': 2}))
print('{k[0]}'.format_map({'k': 'xyz'}))
attempt(lambda: '{}'.format_map({}))
attempt(lambda: '{0}'.format_map({}))
attempt(lambda: '{z}'.format_map({}))
attempt(lambda: '{z}'.format_map(1))
attempt(lambda: 'x'.format_map())
