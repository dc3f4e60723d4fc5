import numpy as np
print(np.iscomplexobj(np.zeros(2, np.complex64)), np.iscomplexobj(np.zeros(2, np.float16)))
print(np.iscomplexobj([1, 2j]), np.iscomplexobj(1.5), np.iscomplexobj(np.complex64(1)))
print(np.isrealobj(np.zeros(2, np.float16)), np.isrealobj(np.zeros(2, np.complex64)))
print(np.iscomplex(np.array([1, 2j, 3 + 0j], np.complex64)), np.isreal(np.array([1, 2j], np.complex64)))
print(np.iscomplex(np.array([1.5], np.float16)), np.isreal(np.array([1.5], np.float16)))
