def connect(host, port=80, *, timeout=10, retries=3):
    return f'{host}:{port} t={timeout} r={retries}'
print(connect('a'))
print(connect('b', 8080))
print(connect('c', timeout=1))
print(connect('d', 1, retries=0, timeout=2))
def only_kw(*, x, y=2):
    return x - y
print(only_kw(x=10), only_kw(y=1, x=1))
