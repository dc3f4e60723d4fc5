import numpy as np
calls = []
def f(x):
    calls.append(type(x).__name__)
    return x + 1
print(np.vectorize(f)(np.array([1, 2, 3])))
print(calls)
