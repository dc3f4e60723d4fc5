text = '  The Quick  Brown Fox  '
words = text.strip().lower().split()
print(words)
print('_'.join(words).upper())
print(text.strip().replace(' ', '').swapcase())
print(sorted(set(text.lower().replace(' ', ''))))
print(''.join(reversed(text.strip())))
