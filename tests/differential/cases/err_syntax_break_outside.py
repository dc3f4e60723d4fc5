print('never')
for i in range(3):
    pass
if i:
    break
