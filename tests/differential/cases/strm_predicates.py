tests = ['123', 'abc', 'abc123', '', ' ', 'ABC', 'Abc', 'Title Case', '12.5', '\t\n', 'x_y']
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower(), t.istitle(), t.isdecimal(), t.isnumeric(), t.isidentifier())
