words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', '10', '9', '']
print(sorted(words))
print(sorted(words, key=str.lower))
print(min(words), max(words))
print('a' * 3 < 'a' * 4, 'b' > 'aaaa')
