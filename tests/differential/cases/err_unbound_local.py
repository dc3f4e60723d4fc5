total = 0
def add(n):
    total += n
    return total
print('calling add')
add(5)
