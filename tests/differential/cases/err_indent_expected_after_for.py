# a SyntaxError is reported before anything runs: nothing is printed
print('never printed')
values = [1, 2, 3]
for i in values:
print(i)
