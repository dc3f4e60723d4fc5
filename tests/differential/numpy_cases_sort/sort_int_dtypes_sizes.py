# np.sort of every integer dtype over its full range, at sizes around where the radix sort
# takes over from the introsort and far above. References: the default argsort (an introsort
# over indices) and, where tolist is exact, a Python list sort.
import numpy as np

LIMITS = [("int8", -128, 127), ("uint8", 0, 255), ("int16", -32768, 32767), ("uint16", 0, 65535),
          ("int32", -2**31, 2**31 - 1), ("uint32", 0, 2**32 - 1),
          ("int64", -2**63, 2**63 - 1), ("uint64", 0, 2**64 - 1)]
rng = np.random.default_rng(20240611)
for name, lo, hi in LIMITS:
    dt = np.dtype(name)
    for n in [100, 511, 512, 513, 2047, 2049, 8191, 8193, 100000]:
        x = rng.integers(lo, hi, size=n, dtype=dt, endpoint=True)
        s = np.sort(x)
        ref = x[np.argsort(x)]
        listed = name == "uint64" or s.tolist() == sorted(x.tolist())
        print(name, n, s.dtype, s[:3], s[-3:], (s[1:] >= s[:-1]).all(), np.array_equal(s, ref),
              listed)
