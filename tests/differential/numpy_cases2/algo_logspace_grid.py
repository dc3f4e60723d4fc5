import numpy as np
lams = np.logspace(-3, 1, 5)
for l in lams:
    print(f'{l:.4g}')
print(np.log10(lams))
