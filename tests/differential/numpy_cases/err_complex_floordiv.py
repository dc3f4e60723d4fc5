import numpy as np
z = np.array([1 + 1j])
print(z * 2)
z // 2
