tests = ['', 'abc', 'ABC', 'Abc', 'abc123', '123', '12.5', ' \t\n', 'a b', 'Hello World', 'Hello world', 'ÄÖÜ', 'äöü', '²', '½', '٣', '_x1', '1x', 'class', 'é', 'A1B2']
for t in tests:
    print(repr(t), t.isalnum(), t.isalpha(), t.isascii(), t.isdecimal(), t.isdigit(), t.isidentifier(), t.islower(), t.isnumeric(), t.isspace(), t.istitle(), t.isupper())
