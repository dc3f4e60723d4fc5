import numpy as np
from numpy import sqrt, where
# fused expressions over locals, closure cells and globals; shadowed names are not numpy's
g = np.linspace(-1, 1, 7)
def f(u, v):
    w = u * v + u
    return np.sqrt(w * w + 1) - v
def outer(a):
    def inner(b):
        return a * b - a * 2
    return inner
print(f(g, g[::-1].copy()), f(2.0, 3.0), outer(g)(g), outer(3)(4))
print(sqrt(g * g + 1), where(g > 0, g * 2, -g))
def shadow():
    sqrt = lambda t: t + 100
    return sqrt(g * g + 1)
print(shadow())
class_like = {"np": np}
np2 = np
print(np2.sqrt(g * g) + 1)
np = None
try:
    print(np.sqrt(g * g) + 1)
except AttributeError as e:
    print("AttributeError:", e)
import numpy as np
for k in range(3):
    h = g * k + g * g
    print(h)
sum = lambda t: "mine"
print(sum(g * g + 1))
del sum
print(sum([1, 2]), np.sum(g * g + 1), (g * 2 + 1).mean())
