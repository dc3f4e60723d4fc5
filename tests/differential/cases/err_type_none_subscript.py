def find():
    pass
r = find()
print(r)
print(r['key'])
