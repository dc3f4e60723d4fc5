print('never')
name = 'x'
ok = f'{name}'
bad = f'{}'
print(bad)
