for v in (-5, 5, 0, -2**70, 2**70):
    print(abs(v), -v, +v)
