def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

a = {1, 2, 3, 4}
a.intersection_update({2, 3, 4, 5}); print(a)
a.intersection_update([3, 4], (4, 3, 9)); print(a)
a.difference_update({4}); print(a)
a.difference_update([3], [1]); print(a)
b = {1, 2, 3}; b.symmetric_difference_update({3, 4}); print(b)
b.symmetric_difference_update(b); print(b)
c = {1, 2}; c.difference_update(c); print(c)
d = {1, 2}; d.intersection_update(); print(d)
attempt(lambda: a.intersection_update(1))
attempt(lambda: a.difference_update(1))
