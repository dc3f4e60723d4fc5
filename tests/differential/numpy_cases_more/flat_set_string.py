import numpy as np
f = np.zeros(3)
try:
    f.flat = 'x'
except ValueError as e:
    print('ValueError', e)
f.flat = '2.5'
print(f)
i = np.zeros(2, int)
i.flat = '7'
print(i)
try:
    i.flat = 'y'
except ValueError as e:
    print('ValueError', e)
