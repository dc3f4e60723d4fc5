x = 1234.56789
for spec in ['.0f', '.1f', '.2f', '.5f', '.0e', '.3e', '.1g', '.3g', '.6g', '.10g', '.2%', '.1E', '.2G', '']:
    print(repr(spec), format(x, spec))
print(format('truncate me', '.5'), format('ab', '.5'))
