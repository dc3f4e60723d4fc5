words = ['b', 'a', 'c', 'a', 'b', 'd']
print(sorted(set(words)))
print(len(set(words)))
seen = set()
order = []
for w in words:
    if w not in seen:
        seen.add(w)
        order.append(w)
print(order)
print(sorted({x % 5 for x in range(20)}))
