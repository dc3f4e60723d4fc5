vals = [0.0, 1.0, 0.5, 123456789.0, 1e-7, 1.5e16, -2.25, float('inf'), float('nan')]
for v in vals:
    print(format(v, 'f'), format(v, 'e'), format(v, 'g'), format(v, '%'), format(v, 'G'), format(v, 'E'))
