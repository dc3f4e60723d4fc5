import numpy as np
data = np.array([2.5, 3.1, 4.7, 1.2, 9.9, 5.5, 3.3, 7.1])
print(np.median(data), np.percentile(data, [25, 75]))
q1, q3 = np.percentile(data, [25, 75])
iqr = q3 - q1
print(round(iqr, 4), data[(data < q1 - 1.5 * iqr) | (data > q3 + 1.5 * iqr)])
print(np.average(data, weights=np.arange(1, 9)))
