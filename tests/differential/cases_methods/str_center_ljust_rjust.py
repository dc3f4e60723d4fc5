for w in [0, 3, 5, 6, 7, 10]:
    print(repr('abc'.center(w)), repr('abc'.center(w, '*')), repr('abcd'.center(w, '-')), repr('abc'.ljust(w, '.')), repr('abc'.rjust(w, '0')))
print(repr('é'.center(4, 'ü')))
print(repr(''.center(3)))
