def bsearch(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
a = [1, 3, 5, 7, 9, 11]
for x in [0, 1, 4, 11, 12]:
    print(x, bsearch(a, x))
