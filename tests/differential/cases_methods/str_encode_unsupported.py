try:
    'abc'.encode()
    print('encoded')
except NotImplementedError:
    print('NotImplementedError')
except Exception as e:
    print('other', type(e).__name__)
print('done')
