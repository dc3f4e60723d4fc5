import numpy as np
a = np.array([np.inf, -np.inf, np.nan, -0.0, 0.0, 65504, -65504, 6e-08], dtype=np.float16)
print(a)
print(repr(a))
print(a.tolist())
print(np.isnan(a), np.isinf(a), np.isfinite(a))
print(np.float16("inf"), np.float16("-inf"), np.float16("nan"))
