e = 'before'
try:
    1 / 0
except ZeroDivisionError as e:
    print('inside', e)
try:
    print(e)
except NameError as err:
    print('e was deleted:', err)
