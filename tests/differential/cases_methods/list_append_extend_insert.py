l = [1, 2]
l.append(3); l.append([4]); print(l)
l.extend([5, 6]); l.extend((7,)); l.extend('ab'); l.extend(range(2)); l.extend({9: 0}); print(l)
l2 = [1, 2]; l2.extend(l2); print(l2)
l3 = []; l3.extend(x * x for x in range(4)); print(l3)
m = [1, 2, 3]
m.insert(0, 'a'); m.insert(2, 'b'); m.insert(100, 'end'); m.insert(-1, 'neg'); m.insert(-100, 'start'); print(m)
