#!/usr/bin/env python3
"""Fused array expressions (runtime/fuse.h) against NumPy 1.24, in one run.

Each workload runs on 10M float64 in three programs: Abacus (fusion on, the default), Abacus
with ABACUS_FUSE=0 (one eager pass per operator, as NumPy does) and /usr/bin/python3 + NumPy.
Times are the best of 7, taken inside each program around the expression alone. The table
gives the times, NumPy/Abacus (> 1: Abacus is faster), and the bandwidth of the fused pass:
bytes of the inputs read plus the result written, over the fused time. Next to it: this
machine's memory bandwidth from bench/stream.c (the STREAM triad, compiled here with cc).

Then peak RSS: the rise in max RSS when `y = x**2 + 2*x + 1` is added to a program that only
builds x (10M float64), for Abacus and NumPy (os.wait4 on each child). The fused expression
allocates only its result: one 76 MiB buffer.

Usage: bench/fusion_bench.py [path/to/abacus]"""
import os
import subprocess
import tempfile

from benchlib import ABACUS, HERE, PYTHON, TIMER, print_rss_rise, run_times
N = 10_000_000

SETUP = f"""\
import time
import numpy as np
N = {N}
i = np.arange(N)
x = ((i * 2654435761) % 4294967296) / 4294967296.0
a = x * 4.0 - 2.0
b = ((i * 40503 + 12345) % 65536) / 65536.0
del i
"""

# (title, expression, float64 arrays read, bytes per result element)
WORKLOADS = [
    ("x**2 + 2*x + 1", "x**2 + 2*x + 1", 1, 8),
    ("a*b - 4.1*a > 2.5*b", "a*b - 4.1*a > 2.5*b", 2, 1),
    ("np.sqrt(a*a + b*b)", "np.sqrt(a*a + b*b)", 2, 8),
    ("(a*b).sum()", "(a*b).sum()", 2, 0),
    ("((a - b)**2).mean()", "((a - b)**2).mean()", 2, 0),
    ("np.where(a > 0, a, -b) * 2", "np.where(a > 0, a, -b) * 2", 2, 8),
    ("2.5*a + b (triad)", "2.5*a + b", 2, 8),
]

def program():
    lines = [SETUP, TIMER]
    for k, (_, expr, _, _) in enumerate(WORKLOADS):
        lines.append(f"print({k}, best(lambda: {expr}, 7))")
    return "\n".join(lines) + "\n"


def stream_bandwidth(d):
    exe = os.path.join(d, "stream")
    try:
        subprocess.run(["cc", "-O2", "-pthread", os.path.join(HERE, "stream.c"), "-o", exe],
                       check=True, capture_output=True)
        out = subprocess.run([exe], check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        return f"(stream.c did not run: {e})"
    return ", ".join(line for line in out.splitlines() if line.startswith("triad"))


def main():
    with tempfile.TemporaryDirectory() as d:
        prog = os.path.join(d, "bench.py")
        with open(prog, "w") as f:
            f.write(program())
        fused = run_times([ABACUS, "run", prog])
        eager = run_times([ABACUS, "run", prog], {"ABACUS_FUSE": "0"})
        numpy = run_times([PYTHON, prog])
        print(f"{'workload (10M float64)':<28}{'fused ms':>9}{'eager ms':>9}{'numpy ms':>9}"
              f"{'numpy/fused':>12}{'fused GB/s':>11}")
        for k, (name, _, nin, osz) in enumerate(WORKLOADS):
            gbs = (nin * 8 + osz) * N / fused[k] / 1e9
            print(f"{name:<28}{1000 * fused[k]:>9.2f}{1000 * eager[k]:>9.2f}"
                  f"{1000 * numpy[k]:>9.2f}{numpy[k] / fused[k]:>11.2f}x{gbs:>11.2f}")
        print(f"\nmemory bandwidth (bench/stream.c): {stream_bandwidth(d)}")

        base = f"import numpy as np\nx = np.ones({N})\nprint(x[-1])\n"
        print_rss_rise("y = x**2 + 2*x + 1 on 10M float64", base,
                       "y = x**2 + 2*x + 1\nprint(y[-1])\n", N * 8,
                       (("abacus", [ABACUS, "run"]), ("numpy", [PYTHON])), d)


if __name__ == "__main__":
    main()
