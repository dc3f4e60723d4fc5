print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2))
print(divmod(7.5, 2), divmod(-1, 3.0))
print(divmod(10 ** 20, 7))
print(divmod(0, 5))
