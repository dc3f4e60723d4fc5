s = 'héllo'
print(len(s))
print(s.upper())
print(s[1], s[::-1])
w = 'straße'
print(w.upper(), len(w.upper()))
print('日本語', len('日本語'))
print('ÉCOLE'.lower())
print(ord('é'), chr(233), chr(0x1F600) == '\U0001F600')
