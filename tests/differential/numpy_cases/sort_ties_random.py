# np.sort / np.argsort / ndarray.sort on arrays full of equal keys and NaNs. NumPy's default sort
# is unstable, so the order argsort gives equal keys is whatever its introsort happens to do;
# this checks we do the same, for every dtype, sizes 2..5000, the insertion-sort cutoff, and the
# heapsort fallback past the depth limit (an adversarial input built below).
import numpy as np

state = [20240611]


def rand(m):
    # A small LCG so that CPython and Abacus see the same arrays.
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return (state[0] >> 8) % m


NAN = float("nan")


def floats(n, distinct):
    out = []
    for _ in range(n):
        r = rand(10)
        if r == 0:
            out.append(NAN)
        elif r == 1:
            out.append(-0.0)
        else:
            out.append(float(rand(distinct)) - 1.0)
    return out


def show(tag, a):
    print(tag, a.dtype, len(a), np.argsort(a).tolist())
    print(tag, "sorted", np.sort(a).tolist())


INT_DTYPES = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64]
sizes = list(range(2, 41)) + [63, 64, 65, 100, 257, 1000, 2048, 5000]
for n in sizes:
    distinct = 1 + rand(6) if n % 3 else 1 + n // 4
    ints = [rand(distinct) for _ in range(n)]
    for dt in INT_DTYPES:
        show("int", np.array(ints, dtype=dt))
    show("bool", np.array([v % 2 == 0 for v in ints]))
    fl = floats(n, distinct)
    show("f64", np.array(fl))
    show("f32", np.array(fl, dtype=np.float32))
    c = np.array([complex(fl[i], float(ints[i] % 2)) for i in range(n)])
    print("c128", len(c), np.argsort(c).tolist())

# 2-D: rows, columns and flattened, with ties in every direction.
m = np.array([rand(3) for _ in range(30 * 20)]).reshape(30, 20)
print(np.argsort(m).tolist())
print(np.argsort(m, axis=0).tolist())
print(np.argsort(m, axis=None).tolist())
mf = np.array(floats(600, 4)).reshape(20, 30)
print(np.argsort(mf, axis=0).tolist())
mf.sort(axis=0)
print(mf.tolist())


def adversary(n):
    # McIlroy's "killer adversary" against a median-of-three quicksort: keys start undecided
    # and are fixed, as small as possible, only when a comparison needs them, which keeps the
    # pivots bad. Driving NumPy's partition scheme with it yields keys on which the depth limit
    # is reached and heapsort takes over.
    val = [n] * n
    st = [0, 0]  # keys fixed so far, the current candidate pivot

    def less(x, y):
        if val[x] == n and val[y] == n:
            if x == st[1]:
                val[x] = st[0]
            else:
                val[y] = st[0]
            st[0] += 1
        if val[x] == n:
            st[1] = x
        elif val[y] == n:
            st[1] = y
        return val[x] < val[y]

    def swap(a, i, j):
        a[i], a[j] = a[j], a[i]

    idx = list(range(n))
    lo, hi = 0, n - 1
    while hi - lo > 16:
        mid = lo + (hi - lo) // 2
        if less(idx[mid], idx[lo]):
            swap(idx, mid, lo)
        if less(idx[hi], idx[mid]):
            swap(idx, hi, mid)
        if less(idx[mid], idx[lo]):
            swap(idx, mid, lo)
        pivot = idx[mid]
        swap(idx, mid, hi - 1)
        i, j = lo, hi - 1
        while True:
            i += 1
            while less(idx[i], pivot):
                i += 1
            j -= 1
            while less(pivot, idx[j]):
                j -= 1
            if i >= j:
                break
            swap(idx, i, j)
        swap(idx, i, hi - 1)
        if i - lo < hi - i:
            lo = i + 1
        else:
            hi = i - 1
    return val


# The raw keys, and two foldings that put ties into the range heapsort gets (each still
# reaches the depth limit: checked against the sort with the limit removed).
for n in [300, 1000, 3000]:
    raw = adversary(n)
    for keys in [raw, [v // 2 for v in raw], [min(v, 2 * n // 3) for v in raw]]:
        for dt in [np.int64, np.float64, np.int16]:
            show("adv", np.array(keys, dtype=dt))
