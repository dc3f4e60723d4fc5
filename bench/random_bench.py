#!/usr/bin/env python3
"""numpy.random benchmark: the same draws timed inside Abacus and inside CPython + NumPy, in one
run. Each side reports best-of-N in-process times (no process start); ratio = NumPy / Abacus
(> 1 means Abacus is faster). Usage: bench/random_bench.py [path/to/abacus]"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ABACUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "build", "abacus")
PYTHON = "/usr/bin/python3"
WORKLOADS = [
    ("randn(10_000_000)", "np.random.randn(10000000)"),
    ("randint(0, 100, 10_000_000)", "np.random.randint(0, 100, 10000000)"),
    ("rand(10_000_000)", "np.random.rand(10000000)"),
    ("rng.standard_normal(10M)", "g.standard_normal(10000000)"),
    ("rng.integers(0, 100, 10M)", "g.integers(0, 100, 10000000)"),
]
def program():
    lines = ["import time", "import numpy as np", "np.random.seed(1)",
             "g = np.random.default_rng(1)"]
    for i, (_, code) in enumerate(WORKLOADS):
        lines += ["best = 1e9", "for _ in range(5):", "    t = time.perf_counter()",
                  f"    x = {code}", "    best = min(best, time.perf_counter() - t)",
                  "    x = None", f"print({i}, best)"]
    return "\n".join(lines) + "\n"


def run(argv):
    out = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    return {int(a): float(b) for a, b in (line.split() for line in out.splitlines())}


def main():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "random_bench.py")
        with open(path, "w") as f:
            f.write(program())
        ab, py = run([ABACUS, "run", path]), run([PYTHON, path])
    print(f"{'workload':<30}{'abacus ms':>11}{'numpy ms':>10}{'ratio':>8}")
    for i, (name, _) in enumerate(WORKLOADS):
        print(f"{name:<30}{1000 * ab[i]:>11.1f}{1000 * py[i]:>10.1f}{py[i] / ab[i]:>7.2f}x")


if __name__ == "__main__":
    main()
