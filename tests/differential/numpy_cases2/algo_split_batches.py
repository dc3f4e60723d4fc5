import numpy as np
data = np.arange(20).reshape(10, 2)
for i, batch in enumerate(np.array_split(data, 3)):
    print(i, batch.shape, batch.sum())
