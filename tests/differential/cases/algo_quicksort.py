def qs(a):
    if len(a) <= 1:
        return a
    pivot, *rest = a
    return qs([x for x in rest if x < pivot]) + [pivot] + qs([x for x in rest if x >= pivot])
print(qs([5, 2, 9, 1, 5, 6, -3, 0, 2]))
print(qs(list('quicksort')))
print(qs([]))
