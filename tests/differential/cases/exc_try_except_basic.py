try:
    x = 1 / 0
except ZeroDivisionError as e:
    print('caught:', e)
    print(type(e).__name__)
try:
    int('abc')
except ValueError as e:
    print('value error:', e)
print('continues')
