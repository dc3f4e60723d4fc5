s = """line one
line two
    indented"""
print(s)
print(len(s.splitlines()))
t = '''a 'quoted' "both" '''
print(t)
u = """\
no leading newline"""
print(u)
print(repr("""x
y"""))
