from math import sqrt, pi, floor
import math as m
print(sqrt(pi), floor(pi), m.ceil(m.e), m.sqrt(9))
print(round(m.sin(m.pi), 10), round(m.cos(m.pi), 10))
