import numpy as np
x = np.array([1.0, 2.0, 3.0, 4.0, 10.0])
for q in [0, 1, 12.5, 99, 100]:
    print(q, np.percentile(x, q))
print(repr(np.percentile(np.arange(5), 40)))
print(repr(np.percentile(np.array([1, 2], dtype=np.float32), 30)))
