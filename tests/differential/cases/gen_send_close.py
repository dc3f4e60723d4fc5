def gen():
    x = yield 1
    print("got", x)
    yield 2
g = gen()
print(next(g))
print(g.send(5))
g.close()
print(list(g))
