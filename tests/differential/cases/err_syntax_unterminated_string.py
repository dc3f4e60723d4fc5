print('never')
ok = 'terminated'
also = "fine"
s = 'unterminated
print(s)
