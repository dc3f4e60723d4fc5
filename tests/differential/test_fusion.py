"""Differential tests of fused array expressions (runtime/fuse.h): Abacus with fusion forced on
for every size (ABACUS_FUSE_MIN=0) against CPython + NumPy 1.24's eager evaluation.

* test_random_fused: seeded random programs, run by Abacus with fusion forced on and with it
  off (ABACUS_FUSE=0): the output must be identical, since fused code must give exactly the
  eager result. test_random_numpy: the same kind of programs over the functions whose eager
  results match NumPy's bit for bit, compared with CPython + NumPy.
  The programs: Each builds arrays a, b, c of one shape (1-d to
  3-d, a zero-size shape now and then, and once per program 300,000 elements so that the
  second core and several 8192-element reduction chunks take part) in random dtypes with
  negative values, zeros, NaN and inf where the dtype has them, a partner z of another
  (broadcastable) shape, a non-contiguous view v, and NumPy scalars. Then it prints random
  expression trees over them: operators, comparisons, ** with constant exponents (NumPy's
  square/sqrt/reciprocal fast paths), unary - and ~, np.sqrt/exp/log/abs/maximum/where and
  friends, .astype(...), and roots .sum(), .mean(), np.sum(...). Large results print as a digest: dtype,
  shape, first and last elements, and a weighted sum of every element's bits (through
  .view), so results are compared element for element.
  Every expression runs in try/except, errors print their class.
* test_fusion_happened: the same programs run with ABACUS_FUSE_STATS=1; Abacus must report
  that it fused most candidate expressions, so the tests above cannot pass by never fusing.
* test_case: the hand-written programs in fusion_cases/ (aliasing, views, warnings, errors,
  names that change, functions and closures), with fusion forced on.

Environment: ABACUS_BIN (skipped without it), ABACUS_SEED, ABACUS_FUSION_PROGRAMS (default 30
programs of 80 expressions). `python3 test_fusion.py SEED INDEX` prints one program of test_random_fused, and
`python3 test_fusion.py SEED+1 INDEX numpy` one of test_random_numpy.
"""
import os
import random
import re
import sys

import pytest

from diffharness import HERE, NUMPY, skip_without_abacus

SEED = int(os.environ.get("ABACUS_SEED", "20240611"))
PROGRAMS = int(os.environ.get("ABACUS_FUSION_PROGRAMS", "30"))
EXPRS = 80
TIMEOUT = 60

DTYPES = ["bool_", "int8", "uint8", "int16", "int32", "int64", "uint32", "float32", "float64"]
SHAPES = [(7,), (12,), (3, 5), (2, 3, 4), (0,), (1,), (4, 1, 3), (2, 0)]
# Unary functions; the libm-based ones after ACCURATE may differ from NumPy's own SIMD versions
# in the last bit, so only the fused-against-eager comparison uses them.
# (float32 exp and log among them: NumPy has its own AVX2 versions).
UNARY = ["np.sqrt", "np.abs", "np.absolute", "np.floor", "np.square", "np.negative",
         "np.isnan", "np.isfinite", "np.logical_not", "np.sign", "np.rint"]
ACCURATE = len(UNARY)
UNARY += ["np.exp", "np.log", "np.sin", "np.cos", "np.tanh", "np.log1p", "np.arctan", "np.cbrt"]
BINARY = ["np.maximum", "np.minimum", "np.add", "np.subtract", "np.multiply", "np.divide",
          "np.power", "np.fmax", "np.logical_and", "np.less", "np.floor_divide",
          "np.remainder", "np.bitwise_and", "np.equal"]
ACCURATE2 = len(BINARY)
BINARY += ["np.hypot", "np.arctan2"]
OPS = ["+", "+", "-", "*", "*", "/", "//", "%", "&", "|", "^", "<", ">", "<=", ">=", "==", "!="]
CASTS = ["np.float64", "np.float32", "np.int64", "np.int32", "np.int8", "np.uint8", "bool",
         "int", "float", "'float32'", "'i2'"]
EXPONENTS = ["2", "2", "0.5", "-1", "3", "2.0", "0", "1", "-1.0", "1.5"]
CONSTS = ["2", "3", "-1", "0", "1", "2.5", "0.5", "-1.5", "True", "7", "300", "1e308"]

PRELUDE = """\
import numpy as np
def data(n, dt, k):
    i = np.arange(n)
    x = ((i * (2654435761 + k)) % 4093) / 97.0 - 21.0
    if dt == 'bool_':
        return (x > 0).astype(bool)
    if dt in ('float32', 'float64'):
        x[::11] = 0.0
        if n > 20:
            x[5] = np.nan
            x[9] = np.inf
            x[13] = -np.inf
        return x.astype(dt)
    return (x * 3).astype(dt)
def dig(r):
    if not isinstance(r, np.ndarray) or r.size < 40:
        return repr(r)
    # every element's bits, each with its own weight: any difference in any element shows
    bits = r.ravel().view({1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}[r.itemsize])
    w = np.arange(r.size, dtype=np.uint64) * np.uint64(2654435761) + np.uint64(1)
    f = r.ravel()
    return f"{r.dtype} {r.shape} {f[:3]!r} {f[-3:]!r} {(bits.astype(np.uint64) * w).sum()}"
def kind(e):
    return type(e).__name__
"""


class Gen:
    def __init__(self, rng, all_functions):
        self.r = rng
        self.unary = UNARY if all_functions else UNARY[:ACCURATE]
        self.binary = BINARY if all_functions else BINARY[:ACCURATE2]
        self.numpy = not all_functions
        # float -> int casts of NaN, inf or out-of-range values are undefined in C: their
        # results differ between NumPy builds, so only the fused-against-eager test has them
        self.casts = CASTS if all_functions else ["np.float64", "np.float32", "bool", "float"]
        self.ops = OPS

    def leaf(self):
        c = self.r.random()
        if c < 0.62:
            return self.r.choice(["a", "a", "b", "b", "c"])
        if c < 0.72:
            return self.r.choice(["z", "v", "s", "t"])
        return self.r.choice(CONSTS)

    def expr(self, depth):
        if depth <= 0 or self.r.random() < 0.2:
            return self.leaf()
        c = self.r.random()
        x = self.expr(depth - 1)
        if c < 0.5:
            return f"({x} {self.r.choice(self.ops)} {self.expr(depth - 1)})"
        if c < 0.6 and self.ops is OPS:
            return f"({x} ** {self.r.choice(EXPONENTS)})"
        if c < 0.68:
            return f"({self.r.choice(['-', '~'])}{x})"
        if c < 0.82:
            return f"{self.r.choice(self.unary)}({x})"
        if c < 0.9:
            return f"{self.r.choice(self.binary)}({x}, {self.expr(depth - 1)})"
        if c < 0.95:
            return f"({x}).astype({self.r.choice(self.casts)})"
        return f"np.where({x} > {self.r.choice(['0', '1', 'b'])}, {self.expr(depth - 1)}, " \
               f"{self.expr(depth - 1)})"

    def root(self):
        e = self.expr(self.r.choice([2, 2, 3, 3, 4]))
        c = self.r.random()
        if c < 0.1:
            return f"({e}).sum()"
        if c < 0.15:
            return f"({e}).mean()"
        if c < 0.2:
            return f"np.sum({e})"
        return e

    def program(self):
        shape = self.r.choice(SHAPES)
        lines = [PRELUDE]
        n = 1
        for s in shape:
            n *= s
        for name, k in (("a", 1), ("b", 2), ("c", 3)):
            dt = self.r.choice(DTYPES)
            lines.append(f"{name} = data({n}, {dt!r}, {k}).reshape({shape!r})")
        zshape = shape[1:] if len(shape) > 1 else (1,)
        zn = 1
        for d in zshape:
            zn *= d
        lines.append(f"z = data({zn}, 'float64', 4).reshape({zshape!r})")
        lines.append(f"v = data({2 * n}, {self.r.choice(DTYPES)!r}, 5)[::2].reshape({shape!r})")
        lines.append(f"s = np.{self.r.choice(['float64', 'float32', 'int32', 'int8'])}(3)")
        lines.append(f"t = np.array({self.r.choice(['2.5', '-4', 'True'])})")
        for i in range(EXPRS):
            if i == EXPRS // 2:  # the rest over large arrays: two cores, several chunks
                if self.numpy:  # NumPy computes `tmp // x`, `tmp % x` and `tmp ** x` into
                    # the temporary tmp when it is large (temporary elision), which raises
                    # for a bool tmp where the eager result is int8: not a rule to copy.
                    self.ops = [o for o in OPS if o not in ("//", "%")]
                n = 300_000 + self.r.randint(0, 9000)
                for name, k in (("a", 1), ("b", 2), ("c", 3)):
                    lines.append(f"{name} = data({n}, {self.r.choice(DTYPES)!r}, {k})")
                lines.append(f"v = data({2 * n}, 'float64', 5)[::2]")
            e = self.root()
            lines.append(f"try:\n    print({i}, dig({e}))\nexcept Exception as e:\n"
                         f"    print({i}, kind(e))")
        return "\n".join(lines) + "\n"


def program_text(seed, index, all_functions=True):
    return Gen(random.Random(f"{seed}-{index}"), all_functions).program()


FUSED = NUMPY.with_timeout(TIMEOUT).with_env(ABACUS_FUSE_MIN="0")
STATS_ENV = (("ABACUS_FUSE_STATS", "1"),)
EAGER = ("abacus (eager)", (("ABACUS_FUSE", "0"),))


if __name__ == "__main__":
    sys.stdout.write(program_text(int(sys.argv[1]), int(sys.argv[2]), len(sys.argv) < 4))
    sys.exit(0)

skip_without_abacus()

STATS = re.compile(r"^\[fuse\] (\d+) fused, (\d+) declined$", re.M)
totals = {"fused": 0, "declined": 0}


def count(err):
    m = STATS.search(err)
    assert m, f"no fusion statistics on stderr:\n{err[-500:]}"
    totals["fused"] += int(m.group(1))
    totals["declined"] += int(m.group(2))


@pytest.mark.parametrize("index", range(PROGRAMS), ids=[f"program_{i}" for i in range(PROGRAMS)])
def test_random_fused(index, tmp_path):
    path = tmp_path / f"fusion_{SEED}_{index}.py"
    path.write_text(program_text(SEED, index))
    count(FUSED.compare(path, tmp_path, False, reference=EAGER, more_env=STATS_ENV)[2])


@pytest.mark.parametrize("index", range(PROGRAMS), ids=[f"program_{i}" for i in range(PROGRAMS)])
def test_random_numpy(index, tmp_path):
    path = tmp_path / f"fusion_np_{SEED}_{index}.py"
    path.write_text(program_text(SEED + 1, index, all_functions=False))
    count(FUSED.compare(path, tmp_path, False, more_env=STATS_ENV)[2])


def test_fusion_happened():
    """Runs after the random programs: most candidate expressions must have been fused."""
    if totals["fused"] + totals["declined"] == 0:
        pytest.skip("the random programs did not run")
    assert totals["fused"] >= 40 * PROGRAMS, totals


CASES = sorted((HERE / "fusion_cases").glob("*.py"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case(case, tmp_path):
    FUSED.compare(case, tmp_path, case.name.startswith("err_"))
