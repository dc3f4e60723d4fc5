import numpy as np
print(np.sqrt(np.array([-1.0, 4.0, -0.0])))
print(np.log(np.array([0.0, -1.0, 1.0])))
print(np.log2(0.0), np.log10(-1.0), np.arcsin(2.0), np.arccosh(0.5))
print(np.sqrt(np.float32(-4)), np.log1p(-1.0))
