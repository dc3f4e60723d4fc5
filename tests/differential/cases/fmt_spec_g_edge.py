for v in [1e-5, 1e-4, 0.0001234, 123456.0, 1234567.0, 1e16, 100.0, 0.1, 12.0]:
    print(format(v, 'g'), format(v, '.3g'), format(v, '#g'), str(v), format(v, ''))
print(format(1e22, ''), format(1.0, '.0'), format(1234.5, '.2'))
