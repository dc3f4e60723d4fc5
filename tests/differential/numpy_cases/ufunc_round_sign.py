import numpy as np
x = np.array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.7])
print(np.floor(x), np.ceil(x), np.trunc(x), np.rint(x))
print(np.round(x), np.around(x), np.round(np.array([1.2345, 2.3456]), 2), x.round(1))
print(np.round(np.array([1234, 5678]), -2), np.round(np.array([1234.5]), -2))
print(np.sign(x), np.sign(np.array([-3, 0, 4])), np.abs(x), np.absolute(np.array([-1, 2])))
print(np.round(2.675, 2), np.round(np.float64(0.125), 2))
print(np.floor(np.array([1, 2])).dtype, np.square(np.array([1, -2, 3])), np.square(x))
print(np.negative(np.array([1, -2])), np.positive(np.array([1.5])))
