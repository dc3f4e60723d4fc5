counter = 0
def bump():
    global counter
    counter += 1
def read():
    return counter
bump(); bump()
print(counter, read())
def define_new():
    global created
    created = 'yes'
define_new()
print(created)
