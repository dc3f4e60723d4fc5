#!/usr/bin/env python3
"""Array-runtime benchmark: the same NumPy program through `abacus run` and /usr/bin/python3 +
NumPy 1.24, in one run. Each workload is timed inside the program with time.perf_counter around
the operation alone, best of 5; the table gives both times and NumPy/Abacus (> 1 means Abacus
is faster). Then the peak RSS of `y = x + 1` on 10M float64 and of `y = i * 1.0` on 10M int64:
the rise in max RSS over a program that only builds the input, measured with os.wait4 on each
child (at most one new 80 MB buffer each).
Usage: bench/array_bench.py [path/to/abacus]"""
import os
import tempfile

from benchlib import ABACUS, PYTHON, TIMER, print_rss_rise, run_times
N = 10_000_000

# Data without np.random: a multiplicative hash of the index (Knuth's constant), uniform in
# [0, 1) and well mixed, so the sort and the mask see "random" data.
SETUP = f"""\
import time
import numpy as np
N = {N}
i = np.arange(N)
x = ((i * 2654435761) % 4294967296) / 4294967296.0
y = ((i * 40503 + 12345) % 65536) / 65536.0
a = (i * 2654435761) % 1000003
b = (i * 40503) % 65521 + 1
idx = (i * 7919) % N
xs = x[:2000000].copy()
o = np.zeros(N)
m = x > 0.5
"""

WORKLOADS = [
    ("float64 x + y", "x + y"),
    ("float64 x * y", "x * y"),
    ("float64 x / y", "x / y"),
    ("int64 a + b", "a + b"),
    ("int64 a * b", "a * b"),
    ("float64 x.sum()", "x.sum()"),
    ("float64 x.mean()", "x.mean()"),
    ("float64 x.std()", "x.std()"),
    ("int64 a.sum()", "a.sum()"),
    ("int64 * float a * 1.5", "a * 1.5"),
    ("int64 + float64 a + x", "a + x"),
    ("where= np.add(x, y, out=o)", "np.add(x, y, out=o, where=m)"),
    ("float64 x[::2].sum()", "x[::2].sum()"),
    ("mask x[x > 0.5]", "x[x > 0.5]"),
    ("fancy x[idx]", "x[idx]"),
    ("sort 2M float64", "np.sort(xs)"),
    ("sort float64 np.sort(x)", "np.sort(x)"),
    ("sort int64 np.sort(a)", "np.sort(a)"),
    ("argsort 2M float64", "np.argsort(xs)"),
]

def program():
    lines = [SETUP, TIMER]
    for k, (_, expr) in enumerate(WORKLOADS):
        lines.append(f"print({k}, best(lambda: {expr}))")
    return "\n".join(lines) + "\n"


def main():
    with tempfile.TemporaryDirectory() as d:
        prog = os.path.join(d, "bench.py")
        with open(prog, "w") as f:
            f.write(program())
        ta, tn = run_times([ABACUS, "run", prog]), run_times([PYTHON, prog])
        print(f"{'workload (10M unless noted)':<30}{'abacus ms':>11}{'numpy ms':>10}{'ratio':>8}")
        for k, (name, _) in enumerate(WORKLOADS):
            print(f"{name:<30}{1000 * ta[k]:>11.2f}{1000 * tn[k]:>10.2f}{tn[k] / ta[k]:>7.2f}x")

        # np.ones writes every page, so x's buffer is resident before y is made
        head = "import numpy as np\n%s = np.%s(%d)\nprint(%s[-1])\n"
        rss_cases = [
            ("y = x + 1 on 10M float64", head % ("x", "ones", N, "x"),
             "y = x + 1\nprint(y[-1])\n"),
            # the int64 -> float64 cast happens chunk by chunk: no hidden temporary
            ("y = i * 1.0 on 10M int64", head % ("i", "arange", N, "i"),
             "y = i * 1.0\nprint(y[-1])\n"),
        ]
        runners = (("abacus", [ABACUS, "run"]), ("numpy", [PYTHON]))
        for title, base, extra in rss_cases:
            print_rss_rise(title, base, extra, N * 8, runners, d)


if __name__ == "__main__":
    main()
