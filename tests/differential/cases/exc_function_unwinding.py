def level3():
    print('level3 start')
    raise RuntimeError('deep')
def level2():
    try:
        level3()
    finally:
        print('level2 finally')
def level1():
    level2()
    print('never')
try:
    level1()
except RuntimeError as e:
    print('caught at top:', e)
