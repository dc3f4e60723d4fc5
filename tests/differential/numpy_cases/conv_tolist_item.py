import numpy as np
a = np.array([[1, 2], [3, 4]])
print(a.tolist(), type(a.tolist()[0][0]))
b = np.array([1.5, 2.0])
print(b.tolist(), np.array([True, False]).tolist())
print(a[0, 1].item(), type(a[0, 1].item()), b.item(1), a.item(3))
print(np.array(5).item(), np.array([[7]]).item())
print(list(a), [list(r) for r in a])
for row in a:
    print(row, row.sum())
print(float(np.array([2.5])), int(np.array([3])), int(np.float64(3.9)), float(np.int64(4)))
