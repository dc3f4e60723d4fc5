# Integer sorts whose keys span the dtype's extremes, straddle zero, or sit in a narrow band
# (so that high digits are shared), plus sorted, reversed and constant inputs.
import numpy as np

rng = np.random.default_rng(5)
n = 20000
cases = [
    ("int64 extremes", np.array([-2**63, 2**63 - 1, 0, -1, 1] * (n // 5), dtype=np.int64)),
    ("uint64 extremes", np.array([0, 2**64 - 1, 2**63, 2**63 - 1, 1] * (n // 5), dtype=np.uint64)),
    ("int32 extremes", np.array([-2**31, 2**31 - 1, 0, -1] * (n // 4), dtype=np.int32)),
    ("uint32 extremes", np.array([0, 2**32 - 1, 2**31] * (n // 3), dtype=np.uint32)),
    ("int16 extremes", np.array([-32768, 32767, 0, -1] * (n // 4), dtype=np.int16)),
    ("int8 extremes", np.array([-128, 127, 0, -1] * (n // 4), dtype=np.int8)),
    ("int64 small mixed sign", rng.integers(-3, 4, size=n)),
    ("int64 narrow high band", rng.integers(2**62, 2**62 + 1000, size=n)),
    ("int64 negative band", rng.integers(-2**40 - 70000, -2**40, size=n)),
    ("uint64 top band",
     rng.integers(2**64 - 5000, 2**64 - 1, size=n, dtype=np.uint64, endpoint=True)),
    ("int32 two values", np.where(rng.random(n) < 0.5, -7, 2**30).astype(np.int32)),
    ("uint16 sorted", np.arange(n, dtype=np.uint16)),
    ("int32 reversed", np.arange(n, dtype=np.int32)[::-1].copy()),
    ("int64 constant", np.full(n, -5, dtype=np.int64)),
    ("uint8 constant", np.full(n, 200, dtype=np.uint8)),
]
for label, x in cases:
    s = np.sort(x)
    ref = x[np.argsort(x)]
    print(label, s.dtype, s[:4], s[-4:], (s[1:] >= s[:-1]).all(), np.array_equal(s, ref))
    print("  counts", np.unique(s).size, int((s == s[0]).sum()), int((s == s[-1]).sum()))
