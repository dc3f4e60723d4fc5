import numpy as np
def tax(income):
    if income < 10000:
        return 0.0
    elif income < 50000:
        return (income - 10000) * 0.2
    return 8000 + (income - 50000) * 0.4
v = np.vectorize(tax)
print(v(np.array([5000, 20000, 50000, 100000])))
