for v in [0, 7, -7, 255, 1000000, 2 ** 65]:
    print(format(v, 'd'), format(v, 'x'), format(v, 'o'), format(v, 'b'), format(v, 'e'), format(v, 'f'), format(v, '%'), format(v, 'g'))
