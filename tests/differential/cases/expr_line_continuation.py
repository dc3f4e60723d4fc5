total = 1 + \
        2 + \
        3
print(total)
lst = [
    1,
    2,  # comment inside
    3,
]
print(lst)
s = ('implicit '
     'concatenation')
print(s)
d = {
    'k': (
        1, 2
    ),
}
print(d)
