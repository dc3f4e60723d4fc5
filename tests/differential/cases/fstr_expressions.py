items = [3, 1, 2]
d = {'key': 'val'}
print(f'{sorted(items)} {len(items)} {sum(items)}')
print(f'{d["key"]}')
print(f'{items[0] if items else "empty"}')
print(f'{"-".join(str(i) for i in items)}')
print(f'{(lambda x: x * 2)(5)}')
print(f'{3 > 2} {not True}')
print(f'{10 / 4} {10 // 4} {2 ** 64}')
print(f'''{'triple'} {"quoted"}''')
