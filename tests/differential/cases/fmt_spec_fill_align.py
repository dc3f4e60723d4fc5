for spec in ['<10', '>10', '^10', '*<10', '*>10', '-^10', '0>10', '=+10', '0=10']:
    print(spec, '[' + format(42, spec) + ']')
for spec in ['<8', '>8', '^8', '.^9', '~<5']:
    print(spec, '[' + format('abc', spec) + ']')
