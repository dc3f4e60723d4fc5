pairs = [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (5, 17)]
for a, b in pairs:
    q, r = divmod(a, b)
    print(a, b, q, r, q * b + r == a)
