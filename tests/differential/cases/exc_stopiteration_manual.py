it = iter([1, 2])
while True:
    try:
        v = next(it)
    except StopIteration:
        print('exhausted')
        break
    print('got', v)
try:
    next(iter([]))
except StopIteration as e:
    print('StopIteration', repr(e))
