def accumulator(start):
    total = start
    history = []
    def add(x):
        nonlocal total
        total += x
        history.append(total)
        return total, history
    return add
acc = accumulator(100)
acc(10)
acc(-5)
print(acc(1))
