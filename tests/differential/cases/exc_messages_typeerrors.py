num = 5
nothing = None
tests = [
    lambda: len(5),
    lambda: 'a' * 'b',
    lambda: [1] * 2.0,
    lambda: num(),
    lambda: nothing[0],
    lambda: 3 < 'a',
    lambda: [1] < (1,),
    lambda: {[1]: 2},
    lambda: sum(['a', 'b']),
    lambda: int([1]),
    lambda: 'x'.join([1, 2]),
    lambda: -'a',
    lambda: ~1.5,
    lambda: (1, 2)[0:1:0],
    lambda: abs('x'),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ':', e)
