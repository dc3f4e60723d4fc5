def stub():
    pass
def stub2():
    ...
print(stub(), stub2())
for _ in range(2):
    pass
print(...)
print(Ellipsis is ...)
if True:
    pass
print('ok')
