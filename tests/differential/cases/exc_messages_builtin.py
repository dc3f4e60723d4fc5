tests = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: [1][5],
    lambda: (1,)[5],
    lambda: 'ab'[9],
    lambda: {'a': 1}['b'],
    lambda: int('x'),
    lambda: float('y'),
    lambda: 1 + 'a',
    lambda: 'a' + 1,
    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: [1, 2].index(5),
    lambda: 'abc'.index('z'),
    lambda: undefined_name,
    lambda: (1).foo,
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ':', e)
