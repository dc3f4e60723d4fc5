def parse(s):
    try:
        return int(s)
    except ValueError:
        return None
    finally:
        print('parsed', repr(s))
print(parse('12'), parse('no'))
def loop():
    out = []
    for i in range(5):
        try:
            if i == 3:
                raise IndexError(i)
            out.append(i)
        except IndexError:
            continue
    return out
print(loop())
