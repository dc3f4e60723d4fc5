# Globals read in loops must see every later change: rebinding, shadowing a builtin,
# deleting the shadow again, and stores through globals().
def total(xs):
    return sum(xs) + offset

offset = 1
results = []
for i in range(3):
    results.append(total([i, i]))
    offset += 10
print(results)

def sum(xs):  # shadows the builtin used inside total()
    return -1
print(total([5, 5]))
del sum
print(total([5, 5]))
globals()['offset'] = 100
print(total([1]))
for name in ['a', 'b', 'c']:
    globals()[name] = len(name) * 2
print(a, b, c, offset)
s = ''
for ch in 'abc':
    s += ch
    t = s
print(s, t)
