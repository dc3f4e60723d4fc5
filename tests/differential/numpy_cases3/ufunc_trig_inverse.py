import numpy as np
a = np.array([-1.0, -0.5, 0.0, 0.5, 1.0])
print(np.arcsin(a))
print(np.arccos(a))
print(np.arctan(a))
print(np.tan(np.array([0.0, 0.25, -1.0])))
print(np.round(np.degrees(np.arcsin(a)), 6))
print(np.radians(np.array([0, 90, 180, 360])))
