import numpy as np
# floating-point warnings and errors inside fused expressions come out as NumPy's
x = np.array([1.0, 0.0, -1.0, 4.0])
print(1.0 / x + x * 2)
print(np.sqrt(x) * 2 + 1)
print(np.log(x) + x * x)
i = np.array([3, 0, -2, 7])
print(i // i + i * 2, i % i - i)
big = np.array([1e308, -1e308, 5.0])
print(big * 10 + big)
try:
    print(x * 2 + np.arange(3))
except ValueError as e:
    print("ValueError:", e)
try:
    print(i ** -1 + i)
except ValueError as e:
    print("ValueError:", e)
b = np.array([True, False])
try:
    print(b - b + b)
except TypeError as e:
    print("TypeError:", e)
try:
    print(x * 2 + undefined_name)
except NameError as e:
    print("NameError:", e)
print(np.array([np.nan, 1.0]) < 2.0 * np.array([1.0, np.nan]) + 0)
