import numpy as np
print(np.sign(np.array([-5, 0, 7], dtype=np.int8)))
print(np.sign(np.array([-0.0, 0.0, np.nan, -np.inf, 2.5])))
print(np.abs(np.array([-128, -1, 127], dtype=np.int8)))
print(np.absolute(np.array([-3.5, 2.0])), np.abs(np.uint8(200)))
print(np.abs(np.array([3 + 4j, -1 - 1j])))
print(np.sign(np.uint16(7)), np.sign(np.float32(-2)))
