import numpy as np

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

np.random.seed(5)
g = np.random.default_rng(1)
show(lambda: np.random.randint([5, 3], [4, 9]))
show(lambda: np.random.randint([0, 0], [0, 9]))
show(lambda: np.random.randint([-1, 0], 5, dtype=np.uint8))
show(lambda: np.random.randint(0, [5, 300], dtype=np.uint8))
show(lambda: np.random.randint([1, 2], [3, 4, 5]))
show(lambda: np.random.randint([1, 2], 5, size=3))
show(lambda: g.integers([0, 0], [-1, 9], endpoint=True))
show(lambda: g.integers([1, 0], [0, 9], endpoint=True))
show(lambda: np.random.randint(0, [5.0, np.nan]))
show(lambda: np.random.randint(0, [5.0, 2.0**70]))
show(lambda: g.integers(0, [256, 3], dtype=np.uint8, endpoint=True))
show(lambda: np.random.randint(0, [2, 3], dtype=bool))
show(lambda: np.random.randint([-2**63, 0], [0, 2**63 - 1], dtype=np.int32))
show(lambda: g.integers([1, 2], [[3, 4], [5, 6], [7, 8]], size=(2, 2)))
print(np.random.randint([2, 5], [7, [10][0]], dtype=np.int16))
np.random.randint([5, 1], 3)
