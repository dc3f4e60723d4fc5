x = 3.14159265
n = 42
s = 'hi'
print(f'[{x:.2f}]')
print(f'[{x:10.3f}]')
print(f'[{n:5}]')
print(f'[{n:<5}]')
print(f'[{s:>6}]')
print(f'[{s:^7}]')
print(f'[{s:*^8}]')
print(f'[{n:05}]')
print(f'[{x:.0f}]')
