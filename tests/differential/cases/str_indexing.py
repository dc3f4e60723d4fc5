s = 'Python'
print(s[0], s[-1], s[2], s[-3])
print(s[len(s) - 1])
for i in range(len(s)):
    print(i, s[i], s[-i - 1])
