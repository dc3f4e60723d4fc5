name = 'World'
n = 42
print(f'Hello, {name}!')
print(f'{n} squared is {n * n}')
print(f'{n + 1}{n - 1}')
print(f'{"nested quotes"}')
print(f'{name!r} {name!s}')
print(f'{{braces}} {n}')
print(f'{[1, 2, 3]} {(1,)} {None}')
print(F'upper F {n}')
