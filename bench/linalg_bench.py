#!/usr/bin/env python3
"""Linear-algebra benchmark: matmul 2000x2000 float64, solve and inv 1000x1000, through
`abacus run` and /usr/bin/python3 + NumPy in one run (both on the system OpenBLAS). Prints
best-of-N times inside each process, the ratio NumPy/Abacus (>= 1 means Abacus is as fast)
and dgemm GFLOPS. NOTES.md: when OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are set, they are unset
together for the NumPy side only. Usage: bench/linalg_bench.py [path/to/abacus] [repeats]"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ABACUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "build", "abacus")
REPEATS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
PYTHON = "/usr/bin/python3"

# Runs in both interpreters; deterministic matrices (no np.random), best-of-REPEATS timings.
PROGRAM = """
import time
import numpy as np
def best(f, n):
    t = []
    for _ in range(n):
        s = time.perf_counter()
        f()
        t.append(time.perf_counter() - s)
    return min(t)
def mat(n, k):
    return ((np.arange(n * n) * k %% 1009).reshape(n, n) - 504.0) / 504.0
N = %(repeats)d
A = mat(2000, 7); B = mat(2000, 13)
S = mat(1000, 17) + 1000.0 * np.eye(1000); b = mat(1000, 19)[:, 0].copy()
A @ B
print("matmul", best(lambda: A @ B, N))
print("solve", best(lambda: np.linalg.solve(S, b), N))
print("inv", best(lambda: np.linalg.inv(S), N))
print("check", float(np.abs(S @ np.linalg.solve(S, b) - b).max()) < 1e-9)
"""


def run(argv, env):
    out = subprocess.run(argv, check=True, capture_output=True, text=True, env=env).stdout
    return {k: v for k, v in (line.split() for line in out.splitlines())}


def main():
    with tempfile.TemporaryDirectory() as d:
        prog = os.path.join(d, "linalg.py")
        with open(prog, "w") as f:
            f.write(PROGRAM % {"repeats": REPEATS})
        env_ab = dict(os.environ)
        env_np = dict(os.environ)
        if "OPENBLAS_CORETYPE" in env_np or "OPENBLAS_L2_SIZE" in env_np:
            env_np.pop("OPENBLAS_CORETYPE", None)
            env_np.pop("OPENBLAS_L2_SIZE", None)
        ab = run([ABACUS, "run", prog], env_ab)
        np_ = run([PYTHON, prog], env_np)
    print(f"{'workload':<26}{'abacus s':>10}{'numpy s':>10}{'ratio':>8}")
    for key, name in (("matmul", "matmul 2000x2000 f64"), ("solve", "solve 1000x1000"),
                      ("inv", "inv 1000x1000")):
        a, n = float(ab[key]), float(np_[key])
        print(f"{name:<26}{a:>10.4f}{n:>10.4f}{n / a:>7.2f}x")
    flops = 2.0 * 2000 ** 3
    print(f"dgemm GFLOPS: abacus {flops / float(ab['matmul']) / 1e9:.1f}, "
          f"numpy {flops / float(np_['matmul']) / 1e9:.1f}")
    print(f"residual check: abacus {ab['check']}, numpy {np_['check']}")


if __name__ == "__main__":
    main()
