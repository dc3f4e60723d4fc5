s = {1, 2, 3}
s |= {4}
print(s)
s &= {1, 2, 4, 9}
print(s)
s -= {1}
print(s)
s ^= {2, 10}
print(s)
s.update([20, 30])
print(s)
s.intersection_update({4, 20})
print(s)
print(s.pop() in {4, 20}, len(s))
s.clear()
print(s)
