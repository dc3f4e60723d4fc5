import numpy as np
import numpy.random

rs = np.random.RandomState(2024)
print(rs.rand(2, 2))
print(rs.randint(5, size=6, dtype=np.uint8))
print(rs.randint(-3, 3, size=5, dtype=np.int16))
print(rs.randint(0, 2, size=8, dtype=bool))
print(rs.randn())
other = numpy.random.RandomState([1, 2, 3])
print(other.random_sample(3))
np.random.seed(0)
print(np.random.random(2), np.random.ranf(), np.random.sample())
print(type(np.random.randint(4)).__name__, type(np.random.randint(4, dtype=np.int64)).__name__)
print(np.random.randint(10**12, size=3))
