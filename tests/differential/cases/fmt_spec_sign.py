for v in [5, -5, 0, 2.5, -2.5]:
    print(repr(format(v, '+')), repr(format(v, '-')), repr(format(v, ' ')), repr(format(v, '+.1f')), repr(format(v, ' 6')))
print(format(-0.0, '+'), format(float('nan'), '+'), format(float('inf'), ' '))
