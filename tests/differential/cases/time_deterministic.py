import time
t = time.time()
print(isinstance(t, float))
print(t > 1_600_000_000)
p = time.perf_counter()
q = time.perf_counter()
print(q >= p)
m1 = time.monotonic()
print(time.monotonic() >= m1)
