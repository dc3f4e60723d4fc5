w = 10
p = 3
x = 2.718281828
print(f'[{x:{w}.{p}f}]')
print(f'[{"c":{"*"}^{w}}]')
for width in range(3, 7):
    print(f'[{7:{width}}]')
align = '<'
print(f'[{"ab":{align}6}]')
