"""Differential tests of numpy.random: Abacus's streams against NumPy 1.24, bit for bit.

* test_streams: for several seeds, one generated program draws the first 10,000 values of every
  method (legacy RandomState: rand, randn, normal, uniform, randint over every integer dtype,
  choice with/without replacement and p=, permutation, shuffle; Generator: random, integers,
  standard_normal, normal, uniform, choice, permutation, shuffle) and prints the repr of each
  value, so all 17 significant digits count. The outputs must be identical line for line.
* test_scalars: the types of scalar results (Python float/int vs NumPy scalars) and argument
  errors (type and NumPy's message), one expression per line.
* test_case: every numpy_random_cases/NAME.py, stdout and exit status compared.

Environment: ABACUS_BIN (skipped without it), ABACUS_RANDOM_SEEDS (comma-separated seeds,
default 0,42,1234567890). `python3 test_numpy_random.py streams SEED` prints a program.
"""
import difflib
import os
import sys
from pathlib import Path

import pytest

from diffharness import ABACUS_BIN, CPYTHON, NUMPY, skip_without_abacus

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "numpy_random_cases"
SEEDS = [int(s) for s in os.environ.get("ABACUS_RANDOM_SEEDS", "0,42,1234567890").split(",")]
N = 10000
RUNNER = NUMPY.with_timeout(60)

LEGACY = [
    "rand({n})", "randn({n})", "random_sample({n})", "standard_normal({n})",
    "normal(1.5, 2.0, {n})", "uniform(-3, 7, {n})", "randint(-1000, 1000, {n})",
    "randint(0, 2**40, {n})", "randint(-2**63, 2**63 - 1, {n})", "randint(7, size={n})",
    "randint(0, 2**64, {n}, dtype=np.uint64)", "randint(-5, 100, {n}, dtype=np.int32)",
    "randint(0, 2**32, {n}, dtype=np.uint32)", "randint(-300, 300, {n}, dtype=np.int16)",
    "randint(0, 65536, {n}, dtype=np.uint16)", "randint(-100, 27, {n}, dtype=np.int8)",
    "randint(0, 256, {n}, dtype=np.uint8)", "randint(0, 2, {n}, dtype=bool)",
    "choice(50, {n})", "choice(5, {n}, p=[0.1, 0.2, 0.3, 0.15, 0.25])",
    "choice({n}, {n}, replace=False)", "choice(100, 60, replace=False, p=np.arange(100) / 4950)",
    "choice([1.5, -2.5, 3.25], {n})", "permutation({n})", "permutation(np.arange(20.0))",
    "normal([0.0, 10.0], [1.0, 2.0], ({n2}, 2))",
]
GENERATOR = [
    "random({n})", "random({n}, dtype=np.float32)", "standard_normal({n})",
    "normal(-1.0, 3.0, {n})", "uniform(2, 5, {n})", "integers(-1000, 1000, {n})",
    "integers(0, 2**40, {n})", "integers(-2**63, 2**63 - 1, {n})", "integers(10, size={n})",
    "integers(0, 2**64 - 1, {n}, dtype=np.uint64, endpoint=True)",
    "integers(-5, 100, {n}, dtype=np.int32)", "integers(-300, 300, {n}, dtype=np.int16)",
    "integers(0, 65535, {n}, dtype=np.uint16, endpoint=True)",
    "integers(-100, 27, {n}, dtype=np.int8)", "integers(0, 255, {n}, dtype=np.uint8)",
    "integers(0, 2, {n}, dtype=bool)", "choice(50, {n})",
    "choice(5, {n}, p=[0.1, 0.2, 0.3, 0.15, 0.25])", "choice({n}, 100, replace=False)",
    "choice(100000, 5000, replace=False)", "choice(50, 30, replace=False, shuffle=False)",
    "choice(100, 60, replace=False, p=np.arange(100) / 4950)", "permutation({n})",
    "choice(np.arange(12).reshape(4, 3), {n2})", "normal([0.0, 10.0], [1.0, 2.0], ({n2}, 2))",
]

PRELUDE = """\
import numpy as np


def dump(tag, a):
    a = np.asarray(a).ravel()
    if a.dtype == np.uint64:  # as two 32-bit halves: Abacus's uint64 tolist() goes via double
        hi, lo = (a >> np.uint64(32)).tolist(), (a & np.uint64(0xffffffff)).tolist()
        for i in range(len(hi)):
            print(tag, i, hi[i], lo[i])
        return
    for i, v in enumerate(a.tolist()):
        print(tag, i, repr(v))


def interleave(tag, r):
    for i in range(300):
        print(tag, i, repr(r.random_sample()), repr(r.randn()), repr(r.randint(1000)),
              repr(r.normal(2.0, 0.5)))
"""


def stream_program(seed, n=N):
    fmt = dict(n=n, n2=n // 2)
    lines = [PRELUDE, f"np.random.seed({seed})"]
    for k, call in enumerate(LEGACY):
        lines.append(f"dump('np.random.{call.split('(')[0]}#{k}', np.random.{call.format(**fmt)})")
    lines += ["x = np.arange(%d)" % n, "np.random.shuffle(x)", "dump('np.random.shuffle', x)",
              "l = list(range(500))", "np.random.shuffle(l)", "dump('shuffle list', l)",
              "m = np.arange(300).reshape(100, 3)", "np.random.shuffle(m)",
              "dump('shuffle 2d', m)", "interleave('legacy scalars', np.random)",
              f"rs = np.random.RandomState([{seed % 2**32}, 7, 2**32 - 1])",
              "dump('RandomState(array).rand', rs.rand(%d))" % n, "interleave('rs scalars', rs)",
              f"g = np.random.default_rng({seed})"]
    for k, call in enumerate(GENERATOR):
        lines.append(f"dump('g.{call.split('(')[0]}#{k}', g.{call.format(**fmt)})")
    lines += ["x = np.arange(%d)" % n, "g.shuffle(x)", "dump('g.shuffle', x)",
              "l = list(range(500))", "g.shuffle(l)", "dump('g.shuffle list', l)",
              "for i in range(300):",
              "    print('g scalars', i, repr(g.random()), repr(g.standard_normal()),"
              " repr(g.integers(1000)), repr(g.uniform(1, 2)))",
              f"g2 = np.random.default_rng([{seed}, 2**40, 3])", "dump('g2', g2.random(1000))"]
    return "\n".join(lines) + "\n"


SCALARS = """\
r = np.random
np.random.seed(5)
g = np.random.default_rng(5)
r.rand() | r.randn() | r.random_sample() | r.random() | r.ranf() | r.sample()
r.normal() | r.uniform() | r.standard_normal() | r.randint(5) | r.randint(5, dtype='l')
r.randint(5, dtype=np.int64) | r.randint(5, dtype=int) | r.randint(2, dtype=bool)
r.randint(5, dtype=np.uint8) | r.randint(5, dtype=np.bool_) | r.randint(5, size=())
r.choice(5) | r.choice([1, 2, 3]) | r.choice([1.5, 2.5]) | r.choice(5, p=[.2] * 5)
r.choice([True, False]) | r.choice([1.5, 2.5], size=()) | r.choice(5, size=(2, 0))
r.permutation(3) | r.rand(0) | r.randn(2, 0) | r.randint(5, 3, size=0) | r.choice(0, 0)
g.random() | g.integers(5) | g.integers(5, dtype=int) | g.normal() | g.uniform()
g.choice(5) | g.choice([1, 2, 3]) | g.standard_normal() | g.permutation(4)
g.integers(5, size=()) | g.choice(5, replace=False) | g.random(dtype=np.float32)
g.choice(np.arange(6).reshape(3, 2)) | g.integers(3, 3, endpoint=True)
np.random.default_rng([1, 2, 3]).random() | np.random.default_rng(2**70).random()
np.random.default_rng([]).random() | np.random.default_rng(np.int64(9)).random()
np.random.RandomState(np.uint32(7)).rand() | np.random.RandomState(2**32 - 1).rand()
np.random.normal([0, 1], [[1], [2]]) | np.random.uniform([0, 1], 2, size=(2, 2))
r.randint(5, 3) | r.randint(0) | r.randint(3, 3) | r.randint(-1) | r.randint(0, 300, dtype=np.uint8)
r.randint(-1, 3, dtype=np.uint8) | r.normal(0, -1) | r.normal(0, -0.0) | r.uniform(3, 1)
g.uniform(3, 1) | g.integers(5, 3) | g.integers(0) | g.integers(3, 2, endpoint=True)
g.integers(0, -1, endpoint=True) | r.seed(-1) | r.seed(2**32) | r.seed(1.5) | r.choice(0)
r.choice([]) | r.choice(3, 4, replace=False) | r.choice(3, p=[.5, .5]) | r.choice(3, p=[.5] * 3)
r.choice(3, p=[-.5, .5, 1]) | r.choice([[1, 2]]) | g.choice(3, 4, replace=False)
g.choice(3, p=[.5, .5]) | np.random.default_rng(-1) | np.random.default_rng(1.5)
r.randint(2**63) | r.randint(0, 2**64, dtype=np.uint64) | r.randint(0, 2**64 + 1, dtype=np.uint64)
r.randint(5, dtype=float) | g.integers(5, dtype=np.float64) | r.rand(-1) | r.randn(2, -1)
r.randint(0, 5, size=-1) | r.permutation(np.float64(1.0)) | g.permutation(np.array(5.0))
r.choice(3, p=[.5, .5, np.nan]) | r.choice(2.5) | g.choice(2.5) | g.normal(0, -1)
r.seed([]) | r.seed([1, -1]) | r.seed([[1]]) | g.integers(2**64) | r.uniform(0, np.inf)
g.uniform(0, np.inf) | r.uniform(0, [np.inf, 1]) | g.uniform([0, 1.0], [1, 0])
np.random.normal([0, 1], [[1], [2]], size=(3, 2)) | np.random.normal([0, 1], 1, size=3)
np.random.normal([0, 1], 1, size=(3, 1)) | np.random.normal(0, [1, -1]) | r.randint(1, 1, dtype=bool)
"""


def scalars_program():
    lines = ["import numpy as np"]
    for row in SCALARS.splitlines():
        if "|" not in row and not row.startswith(("r.", "g.", "np.")):
            lines.append(row)
            continue
        for expr in (e.strip() for e in row.split("|")):
            lines.append(f"try:\n    v = {expr}\n    print({expr!r}, type(v).__name__, repr(v))\n"
                         f"except Exception as ex:\n    print({expr!r}, type(ex).__name__, ex)")
    return "\n".join(lines) + "\n"


def compare(path, tmp_path):
    """stdout and the exit status must agree; a failure shows the first differing lines."""
    py = RUNNER.run([CPYTHON, str(path)], tmp_path)
    ab = RUNNER.run([ABACUS_BIN, "run", str(path)], tmp_path)
    if py[0] == ab[0] and py[1] == ab[1]:
        return
    pl, al = py[1].splitlines(), ab[1].splitlines()
    first = next((i for i, (a, b) in enumerate(zip(pl, al)) if a != b), min(len(pl), len(al)))
    diff = "".join(difflib.unified_diff(pl[max(0, first - 3):first + 5],
                                        al[max(0, first - 3):first + 5], "numpy", "abacus",
                                        lineterm="\n"))
    pytest.fail(f"{path.name}: exit {ab[0]} (numpy {py[0]}); first difference at line {first + 1}"
                f" of {len(pl)}\n{diff}\n--- abacus stderr ---\n{ab[2][-2000:]}"
                f"\n--- numpy stderr ---\n{py[2][-1000:]}", pytrace=False)


if __name__ == "__main__":
    print(stream_program(int(sys.argv[2])) if sys.argv[1] == "streams" else scalars_program(),
          end="")
    sys.exit(0)

skip_without_abacus()


@pytest.mark.parametrize("seed", SEEDS)
def test_streams(seed, tmp_path):
    path = tmp_path / f"random_streams_{seed}.py"
    path.write_text(stream_program(seed), encoding="utf-8")
    compare(path, tmp_path)


def test_scalars(tmp_path):
    path = tmp_path / "random_scalars.py"
    path.write_text(scalars_program(), encoding="utf-8")
    compare(path, tmp_path)


CASES = sorted(CASES_DIR.glob("*.py"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case(case, tmp_path):
    compare(case, tmp_path)
