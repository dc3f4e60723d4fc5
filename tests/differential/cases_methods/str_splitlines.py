s = 'line1\nline2\r\nline3\rline4\x0bline5\x0c\x1c\x1d\x1e\x85\u2028\u2029end\n'
print(s.splitlines())
print(s.splitlines(True))
print(s.splitlines(keepends=True))
print(''.splitlines(), '\n'.splitlines(), '\n\n'.splitlines(True), 'abc'.splitlines(), '\r\n'.splitlines(True))
