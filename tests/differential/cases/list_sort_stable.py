records = [('bob', 3), ('amy', 1), ('cat', 3), ('dan', 1), ('eve', 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records))
print(sorted(records, key=lambda r: -r[1]))
