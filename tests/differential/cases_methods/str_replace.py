def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

s = 'one two one two one'
print(s.replace('one', '1'), '|', s.replace('one', '1', 2), '|', s.replace('one', '1', 0), '|', s.replace('one', '1', -1))
print('abc'.replace('', '-'), 'abc'.replace('', '-', 2), ''.replace('', 'x'), 'aaa'.replace('a', ''), 'aaaa'.replace('aa', 'b'))
print('héllo'.replace('l', 'L'), 'héllo'.replace('', '.'))
attempt(lambda: 'a'.replace(1, 'b'))
attempt(lambda: 'a'.replace('a', 2))
attempt(lambda: 'a'.replace('a'))
attempt(lambda: 'a'.replace('a', 'b', 'c'))
attempt(lambda: 'a'.replace('a', 'b', count=1))
