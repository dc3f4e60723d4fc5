import numpy as np
a = np.arange(12).reshape(3, 4)
print(a.flags['C_CONTIGUOUS'], a.flags['F_CONTIGUOUS'], a.flags['OWNDATA'])
print(a.T.flags['C_CONTIGUOUS'], a.T.flags['F_CONTIGUOUS'], a.T.flags['OWNDATA'])
print(a[:, 1].flags['C_CONTIGUOUS'], a[1].flags['C_CONTIGUOUS'], a[1].flags['OWNDATA'])
print(a.copy().flags['OWNDATA'], a.flags.writeable, a.flags.c_contiguous)
