import numpy as np
x = np.linspace(-2, 2, 9)
i = np.arange(-4, 5, dtype=np.int8)
print(abs(x) * 2 + 1, abs(i * 30) + 1, abs(x - 1).sum(), np.abs(i) * i)
def f(abs):
    return abs(x) * 2
print(f(lambda v: v + 1))
