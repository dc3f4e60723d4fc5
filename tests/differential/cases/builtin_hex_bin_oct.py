for n in [0, 1, 10, 255, -1, -255, 1024, 2 ** 64]:
    print(n, hex(n), bin(n), oct(n))
