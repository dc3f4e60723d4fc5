print('a')
x = 1
if x:
    print('fine')
    print('b')
      print('over-indented')
