def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(lambda: 'a'.center())
attempt(lambda: 'a'.center(1, 2, 3))
attempt(lambda: 'a'.center(5, 'ab'))
attempt(lambda: 'a'.ljust(5, ''))
attempt(lambda: 'a'.rjust('5'))
attempt(lambda: 'a'.center(5, 1))
attempt(lambda: 'a'.ljust(2.5))
attempt(lambda: 'a'.zfill('3'))
attempt(lambda: 'a'.center(5, fillchar='x'))
