# operations on Python numbers inside a fused expression (2 * np.pi * f * t) are done first
import numpy as np
t = np.linspace(0, 1, 9)
f = 3.0
print(np.sin(2 * np.pi * f * t), t * (1 / 3) + 1, t * (2 ** 10) - 1)
print(t * (1e308 * 10) + 1, (t > 0.5) & (3 > 2) | False, t * -(2 + 1) + 1, t * (7 // 2) + t * (7 % 3))
try:
    print(t * (1 / 0) + 1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(np.sin(2 * np.pi * f * t).sum(), (t * (2.5 * 4)).sum())
