"""Shared pieces of the Python benchmarks that run one program under Abacus and NumPy.

TIMER is program text defining best(f, n=5): the best wall time of n calls of f, measured
inside the benchmarked process around the operation alone. run_times runs a program that
prints "index seconds" lines; print_rss_rise prints the rise in peak RSS (os.wait4 on each
child) when a statement is added to a program, in MiB and in buffers of a given size."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# the binary: the first argument, else build/abacus; the reference interpreter with NumPy
ABACUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "build", "abacus")
PYTHON = "/usr/bin/python3"

TIMER = """
import time
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


def run_times(argv, env=None):
    out = subprocess.run(argv, check=True, capture_output=True, text=True,
                         env=dict(os.environ, **(env or {}))).stdout
    return {int(k): float(v) for k, v in (line.split() for line in out.splitlines())}


def peak_rss_kb(argv):
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    if status != 0:
        raise RuntimeError(f"{argv} failed with status {status}")
    return usage.ru_maxrss


def print_rss_rise(title, base, extra, buffer_bytes, runners, tmpdir):
    """Peak RSS of program base, and of base + extra, under each (label, argv) runner."""
    for name, text in (("base", base), ("plus", base + extra)):
        with open(os.path.join(tmpdir, name + ".py"), "w") as f:
            f.write(text)
    print(f"\npeak RSS of {title} (one buffer is {buffer_bytes / 2**20:.1f} MiB):")
    for label, argv in runners:
        b = peak_rss_kb(argv + [os.path.join(tmpdir, "base.py")])
        p = peak_rss_kb(argv + [os.path.join(tmpdir, "plus.py")])
        print(f"  {label:<7} before {b / 1024:7.1f} MiB, after {p / 1024:7.1f} MiB, "
              f"rise {(p - b) / 1024:6.1f} MiB = {(p - b) * 1024 / buffer_bytes:.2f} buffers")
