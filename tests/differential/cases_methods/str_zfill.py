for s in ['42', '-42', '+42', '', 'abc', '-', '3.14', '--1', 'é']:
    print(repr(s.zfill(5)), repr(s.zfill(0)), repr(s.zfill(1)))
