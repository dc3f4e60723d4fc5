words = ['apple', 'fig', 'banana', 'kiwi']
print(min(words, key=len), max(words, key=len))
print(max(words, key=lambda w: w[-1]))
print(min([], default='empty'), max([], default=0))
print(max([3, 7, 7, 1], key=lambda x: -x))
print(min((1, 'b'), (1, 'a')))
print(max({'a': 3, 'b': 9}, key={'a': 3, 'b': 9}.get))
print(min(4, 2, 8, key=lambda x: (x - 5) ** 2))
print(max([1, 2], [1, 2, 0]))
