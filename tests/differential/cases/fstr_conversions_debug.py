a = 'text'
b = 3.5
print(f'{a!r:>10}')
print(f'{a!s:<8}|')
print(f'{a!a}')
print(f'{"é"!a}')
print(f'{a=}')
print(f'{b = }')
print(f'{b*2=:.3f}')
