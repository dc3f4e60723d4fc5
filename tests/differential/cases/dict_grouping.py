people = [('ann', 'ny'), ('bob', 'sf'), ('cy', 'ny'), ('di', 'la'), ('ed', 'sf')]
groups = {}
for name, city in people:
    groups.setdefault(city, []).append(name)
print(groups)
for city in sorted(groups):
    print(city, ', '.join(groups[city]))
