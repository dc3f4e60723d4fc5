def inf(n):
    return inf(n + 1)
try:
    inf(0)
except RecursionError as e:
    print('RecursionError caught')
print('still alive', sum(range(10)))
