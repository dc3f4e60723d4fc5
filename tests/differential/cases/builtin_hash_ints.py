print(hash(1), hash(0), hash(-5), hash(100))
print(hash(True), hash(1.0), hash(2.5) == hash(2.5))
print(hash((1, 2)) == hash((1, 2)))
print(hash(1) == hash(1.0))
