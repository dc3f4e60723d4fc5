#!/usr/bin/env python3
"""Language-core benchmark: the same programs through `abacus run` and CPython, in one run.
Prints best-of-N wall times and the ratio CPython/Abacus (> 1 means Abacus is faster), plus the
time to parse and compile a 1,000-line cell. Usage: bench/lang_bench.py [path/to/abacus]"""
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ABACUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "build", "abacus")
PYTHON = "/usr/bin/python3"
PROGRAMS = [("scalar loop 10M", "loop.py"), ("fib(27)", "fib.py"),
            ("string building", "strb.py"), ("list/dict", "listdict.py")]


def best(argv, n=3):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    print(f"{'workload':<22}{'abacus s':>10}{'cpython s':>11}{'ratio':>8}")
    for name, prog in PROGRAMS:
        path = os.path.join(HERE, "lang", prog)
        a, c = best([ABACUS, "run", path]), best([PYTHON, path])
        print(f"{name:<22}{a:>10.3f}{c:>11.3f}{c / a:>7.2f}x")
    with tempfile.TemporaryDirectory() as d:
        big = os.path.join(d, "big.py")
        with open(big, "w") as f:
            for i in range(1000):
                f.write(f"v{i} = [{i}, {i} * 2, 'x{i}', {{'k': {i}}}] if {i} % 3 else ({i}, -{i})\n")
        empty = os.path.join(d, "empty.py")
        open(empty, "w").close()
        t_big, t_empty = best([ABACUS, "run", big], 5), best([ABACUS, "run", empty], 5)
        print(f"parse+compile+run of a 1,000-line cell: {1000 * (t_big - t_empty):.2f} ms "
              f"(process start {1000 * t_empty:.1f} ms)")


if __name__ == "__main__":
    main()
