a = [3, 1, 4, 1, 5, 9, 2, 6]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a)
words = ['pear', 'Fig', 'apple', 'kiwi', 'banana']
words.sort(key=len)
print(words)
words.sort(key=lambda w: (len(w), w.lower()), reverse=True)
print(words)
print(a.sort())
