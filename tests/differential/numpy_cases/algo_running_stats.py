import numpy as np
x = np.linspace(0, 10, 21)
y = x ** 2 - 3 * x + 2
print(y)
dy = y[1:] - y[:-1]
print(dy)
print(np.cumsum(dy)[-1], y[-1] - y[0])
area = ((y[1:] + y[:-1]) / 2 * (x[1:] - x[:-1])).sum()
print(area)
print(x[np.argmin(y)], y.min(), np.where(y < 0)[0])
