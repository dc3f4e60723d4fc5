import time
t0 = time.time(); p0 = time.perf_counter(); m0 = time.monotonic()
time.sleep(0.02)
t1 = time.time(); p1 = time.perf_counter(); m1 = time.monotonic()
print(t1 >= t0, p1 - p0 >= 0.015, m1 > m0, t0 > 1.6e9)
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.perf_counter_ns()).__name__)
time.sleep(0); time.sleep(0.001); time.sleep(True)
print('slept')
