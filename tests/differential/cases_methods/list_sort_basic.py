l = [5, 2, 9, 1, 5, 6]
l.sort(); print(l)
l.sort(reverse=True); print(l)
w = ['banana', 'Apple', 'cherry', 'apple', 'Banana']
w.sort(); print(w)
w.sort(key=str.lower); print(w)
w.sort(key=len, reverse=True); print(w)
f = [3.5, -1, 2, 0.0, -0.5, 10**20, 2**70]
f.sort(); print(f)
print([].sort(), [1].sort())
