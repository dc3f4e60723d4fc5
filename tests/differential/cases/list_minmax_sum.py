nums = [4, -2, 9, 0, 7]
print(min(nums), max(nums), sum(nums))
print(sum(nums, 100))
print(sum([0.1] * 10))
print(min(['b', 'a', 'c']), max('hello'))
print(min(3, 1, 2), max(3, 1, 2))
print(sorted(nums)[len(nums) // 2])
