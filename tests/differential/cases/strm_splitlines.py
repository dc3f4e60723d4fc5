s = 'one\ntwo\r\nthree\rfour\n'
print(s.splitlines())
print(s.splitlines(True))
print(''.splitlines())
print('no newline'.splitlines())
print('\n\n'.splitlines())
