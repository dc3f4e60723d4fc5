import numpy as np
print(1)
np.linalg.qr(np.eye(2), mode='full2')
