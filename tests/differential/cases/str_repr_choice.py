for s in ['abc', "it's", 'say "hi"', 'both \' "', '', '\t', 'é', '\u200b', '\x1b[0m', 'line\nbreak']:
    print(repr(s))
print(repr(['a', "b'c"]))
print(str(['x\ny']))
