def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

import time
attempt(lambda: time.sleep(-1))
attempt(lambda: time.sleep('a'))
attempt(lambda: time.sleep())
attempt(lambda: time.sleep(float('nan')))
attempt(lambda: time.time(1))
