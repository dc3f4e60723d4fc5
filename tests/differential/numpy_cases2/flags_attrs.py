import numpy as np
a = np.ones((2, 3))
print(a.flags.c_contiguous, a.flags.f_contiguous, a.flags.owndata, a.flags.writeable)
print(a.flags['C_CONTIGUOUS'], a.flags['OWNDATA'], a.flags['C'], a.flags['W'])
v = a[:, 1:]
print(v.flags.c_contiguous, v.flags.owndata)
a.flags.writeable = False
print(a.flags.writeable)
try:
    a[0, 0] = 1
except ValueError as e:
    print(e)
