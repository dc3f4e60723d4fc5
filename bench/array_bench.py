#!/usr/bin/env python3
"""Array-runtime benchmark: the same NumPy program through `abacus run` and /usr/bin/python3 +
NumPy 1.24, in one run. Each workload is timed inside the program with time.perf_counter around
the operation alone, best of 5; the table gives both times and NumPy/Abacus (> 1 means Abacus
is faster). Then the peak RSS of `y = x + 1` on 10M float64: the rise in max RSS over a program
that only builds x, measured with os.wait4 on each child (at most one new 80 MB buffer).
Usage: bench/array_bench.py [path/to/abacus]"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ABACUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "build", "abacus")
PYTHON = "/usr/bin/python3"
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
    ("mask x[x > 0.5]", "x[x > 0.5]"),
    ("fancy x[idx]", "x[idx]"),
    ("sort 2M float64", "np.sort(xs)"),
]

TIMER = """
def best(f, n=5):
    t = 1e9
    for _ in range(n):
        s = time.perf_counter()
        f()
        e = time.perf_counter() - s
        if e < t:
            t = e
    return t
"""


def program():
    lines = [SETUP, TIMER]
    for k, (_, expr) in enumerate(WORKLOADS):
        lines.append(f"print({k}, best(lambda: {expr}))")
    return "\n".join(lines) + "\n"


def run_times(argv):
    out = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    return {int(k): float(v) for k, v in (line.split() for line in out.splitlines())}


def peak_rss_kb(argv):
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    if status != 0:
        raise RuntimeError(f"{argv} failed with status {status}")
    return usage.ru_maxrss


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
        base = "import numpy as np\nx = np.ones(%d)\nprint(x[-1])\n" % N
        plus = base + "y = x + 1\nprint(y[-1])\n"
        for name, text in (("base", base), ("plus", plus)):
            with open(os.path.join(d, name + ".py"), "w") as f:
                f.write(text)
        print(f"\npeak RSS of y = x + 1 on 10M float64 (one buffer is {N * 8 / 2**20:.1f} MiB):")
        for label, argv in (("abacus", [ABACUS, "run"]), ("numpy", [PYTHON])):
            b = peak_rss_kb(argv + [os.path.join(d, "base.py")])
            p = peak_rss_kb(argv + [os.path.join(d, "plus.py")])
            print(f"  {label:<7} x alone {b / 1024:7.1f} MiB, with y {p / 1024:7.1f} MiB, "
                  f"rise {(p - b) / 1024:6.1f} MiB = {(p - b) * 1024 / (N * 8):.2f} buffers")


if __name__ == "__main__":
    main()
