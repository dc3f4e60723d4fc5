d = {'a': 1, 'b': 2, 'c': 3}
print(d.keys()); print(d.values()); print(d.items())
print(repr(d.keys()), str(d.items()))
print({}.keys(), {}.values(), {}.items())
print(len(d.keys()), len(d.values()), len(d.items()))
print(list(d.keys()), list(d.values()), list(d.items()))
