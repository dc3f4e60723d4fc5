for s in ['1', '1.5', '-0', '  2.5e3 ', 'inf', '-inf', 'nan', '1e500', '0.1', '1E-3']:
    print(repr(s), float(s))
print(float(True), float(-7))
