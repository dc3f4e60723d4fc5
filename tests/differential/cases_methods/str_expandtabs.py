s = 'a\tbc\tdef\tg\nxy\tz'
print(repr(s.expandtabs()))
print(repr(s.expandtabs(4)))
print(repr(s.expandtabs(tabsize=2)))
print(repr(s.expandtabs(0)))
print(repr(s.expandtabs(-1)))
print(repr('é\tx'.expandtabs(3)))
print(repr('ab\r\tc'.expandtabs(4)))
