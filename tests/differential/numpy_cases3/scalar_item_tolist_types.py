import numpy as np
a = np.array([[1, 2], [3, 4]], dtype=np.int16)
print(a.item(3), type(a.item(0)).__name__, a.tolist(), type(a.tolist()[0][0]).__name__)
f = np.array([1.5, 2.5], dtype=np.float32)
print(f.tolist(), type(f[0]).__name__, type(f[0].item()).__name__)
print(np.bool_(True).item(), np.array(5).item(), np.array([1j]).tolist())
