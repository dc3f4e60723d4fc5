def outer():
    a = 1
    def middle():
        b = 2
        def inner():
            nonlocal a
            a += 10
            return a + b
        return inner
    f = middle()
    print(f(), f())
    return a
print(outer())
