def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

l = list(range(10))
print(l.pop(), l.pop(0), l.pop(-2), l.pop(3), l)
l.remove(5); print(l)
l2 = [1, 'a', 1.0, True, None, 'a']
l2.remove('a'); print(l2)
l2.remove(1); print(l2)
l2.remove(None); print(l2)
attempt(lambda: [].pop())
attempt(lambda: [1].pop(1))
attempt(lambda: [1].pop(-2))
attempt(lambda: [1].pop('a'))
attempt(lambda: [1].pop(1, 2))
attempt(lambda: [1].remove(2))
attempt(lambda: [1].remove())
