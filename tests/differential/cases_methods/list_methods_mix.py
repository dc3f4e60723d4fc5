stack = []
for i in range(5):
    stack.append(i * i)
print(stack, stack.pop(), stack)
queue = ['a', 'b', 'c']
queue.insert(0, 'z'); print(queue.pop(0), queue)
m = [[3, 2, 1], [9, 8], []]
for row in m:
    row.sort()
m.sort(key=len); print(m)
nums = [5, 3, 8, 1]
nums2 = nums.copy(); nums2.reverse(); nums.sort(reverse=True)
print(nums, nums2, nums.index(8), nums2.count(3))
lst = [1, 2, 3]; lst.extend(lst); lst.remove(2); print(lst, lst.count(2))
