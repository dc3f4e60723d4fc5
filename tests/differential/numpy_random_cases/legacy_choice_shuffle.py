import numpy as np

np.random.seed(7)
print(np.random.choice(10, 5))
print(np.random.choice(10, 5, replace=False))
print(np.random.choice([10, 20, 30], size=(2, 3), p=[0.5, 0.3, 0.2]))
print(np.random.choice(8, 4, replace=False, p=[0.3, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]))
a = np.arange(10)
np.random.shuffle(a)
print(a)
m = np.arange(12).reshape(4, 3)
np.random.shuffle(m)
print(m)
names = [1, 2, 3, 4, 5]
np.random.shuffle(names)
print(names)
print(np.random.permutation(6))
print(np.random.permutation(np.arange(6).reshape(3, 2)))
print(np.random.permutation([1.5, 2.5, 3.5]))
