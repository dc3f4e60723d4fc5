def total(*nums):
    print(type(nums), nums)
    return sum(nums)
print(total())
print(total(1, 2, 3))
def head_tail(first, *rest):
    return first, rest
print(head_tail(1))
print(head_tail(1, 2, 3))
print(total(*range(5)))
