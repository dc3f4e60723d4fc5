for s in ['hello world', 'HELLO', 'mIxEd CaSe', "they're bill's", 'a1b2c3', '']:
    print(repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()))
print('hello'.casefold())
