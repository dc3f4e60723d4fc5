"""Differential tests of the array runtime: Abacus's `import numpy` against CPython + NumPy 1.24.

Two parts, both comparing `$ABACUS_BIN run PROGRAM` with `/usr/bin/python3 PROGRAM`:

* test_case: every numpy_cases*/NAME.py (hand-written, one topic each). stdout must be
  identical, the exit status the same, and for failing programs the exception line (the last
  stderr line that starts with an exception class name) the same. Cases named err_*.py must
  fail in CPython, all others must succeed. Warnings on stderr are not compared.
* test_random: seeded random programs. Each builds small random arrays (0-d to 4-d, zero-size
  axes, broadcasting partners, bool/int/uint/float dtypes) and prints the repr of random
  expressions over them. Half are single operations (operators with Python scalars for
  value-based casting, unary ufuncs, reductions with axis/keepdims, indexing with ints, slices,
  masks and integer arrays, shape methods, casts, in-place operators, assignment); half are
  expression trees up to three deep mixing operators, ufuncs (with out= and where=),
  reductions, indexing, shape manipulation and casts. Every expression is wrapped as

      try:
          print(17, repr(EXPR))
      except Exception as e:
          print(17, kind(e))

  so errors are compared by their builtin class (kind(e) in the prelude). A failure prints the
  seed, the program and the first line that differs.

Environment: ABACUS_BIN (the module is skipped without it), ABACUS_SEED (default 20240611),
ABACUS_NUMPY_PROGRAMS (default 50 programs of 120 expressions: 6,000 expressions, about 10 s),
ABACUS_RANDOM_KEEP (a directory to keep the generated programs in).
`python3 test_numpy.py SEED INDEX` prints one program.
"""
import os
import random
import sys
from pathlib import Path

import pytest

from diffharness import NUMPY, skip_without_abacus

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "numpy_cases"
SEED = int(os.environ.get("ABACUS_SEED", "20240611"))
PROGRAMS = int(os.environ.get("ABACUS_NUMPY_PROGRAMS", "50"))
EXPRS_PER_PROGRAM = 120
MIN_CASES = 400

# ---------------------------------------------------------------------------------------------
# Random programs

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64"]
MATH_DTYPES = ["int32", "int64", "float64"]
FLOAT_VALUES = [0.0, 0.5, -0.5, 1.0, -1.0, 1.25, 2.5, -3.75, 3.0, 100.5, 0.001, -7.0, 1e-05,
                123.456, 0.1, 2.0]
BIN_OPS = ["+", "-", "*", "/", "//", "%", "**", "<", "<=", ">", ">=", "==", "!=", "&", "|", "^"]
SCALARS = ["0", "1", "2", "-3", "7", "200", "1000", "1.5", "-0.5", "2.0", "True", "0.1"]
MATH = ["np.sqrt", "np.exp", "np.log", "np.sin", "np.cos", "np.floor", "np.ceil", "np.abs",
        "np.sign", "np.square", "np.isnan", "np.isfinite", "np.arctan", "np.log1p"]
REDUCE = ["sum", "prod", "max", "min", "mean", "std", "var", "argmax", "argmin", "cumsum",
          "all", "any", "ptp"]


def np_name(dtype):
    return "bool_" if dtype == "bool" else dtype


class Gen:
    def __init__(self, rng):
        self.r = rng

    def shape(self, ndim):
        sizes = [1, 2, 3] if ndim == 4 else [1, 2, 3, 4]
        return tuple(self.r.choice([0, 1, 2, 3]) if self.r.random() < 0.08
                     else self.r.choice(sizes) for _ in range(ndim))

    def value(self, dtype):
        if dtype == "bool":
            return self.r.choice([True, False])
        if dtype.startswith("uint"):
            return self.r.randint(0, 12)
        if dtype.startswith("int"):
            return self.r.randint(-9, 9)
        return self.r.choice(FLOAT_VALUES)

    def nested(self, shape, dtype):
        if not shape:
            return self.value(dtype)
        return [self.nested(shape[1:], dtype) for _ in range(shape[0])]

    def array(self, shape=None, dtype=None):
        dtype = dtype or self.r.choice(DTYPES)
        if shape is None:
            shape = self.shape(self.r.choice([0, 1, 1, 2, 2, 2, 3, 3, 4]))
        return f"np.array({self.nested(shape, dtype)!r}, dtype=np.{np_name(dtype)})", shape, dtype

    def partner_shape(self, shape):
        """A shape that broadcasts with shape (usually) or not (sometimes)."""
        if self.r.random() < 0.1:
            return self.shape(self.r.choice([1, 2]))
        k = self.r.randint(0, len(shape))
        tail = list(shape[len(shape) - k:])
        for i in range(len(tail)):
            if self.r.random() < 0.3:
                tail[i] = 1
        if self.r.random() < 0.2:
            tail = [self.r.choice([1, 2, 3])] + tail
        return tuple(tail)

    def axis(self, ndim):
        if ndim == 0 or self.r.random() < 0.3:
            return None
        return self.r.randint(-ndim, ndim - 1)

    def index(self, shape):
        nd = len(shape)
        c = self.r.randint(0, 6)
        if nd == 0:
            return "..."
        if c == 0:
            return str(self.r.randint(-shape[0], max(shape[0] - 1, 0)))
        if c == 1:
            a, b = self.r.randint(-4, 4), self.r.randint(-4, 4)
            step = self.r.choice(["", ":2", ":-1", ":3"])
            return f"{a}:{b}{step}"
        if c == 2:
            parts = [self.r.choice([":", "::-1", "1:", "0", "-1", "None", "..."])
                     for _ in range(self.r.randint(1, nd))]
            if parts.count("...") > 1:
                parts = [p for p in parts if p != "..."]
            return ", ".join(parts) or ":"
        if c == 3:
            return "[" + ", ".join(str(self.r.randint(-2, 2)) for _ in range(3)) + "]"
        if c == 4:
            return "X > 0"
        return f"..., {self.r.randint(-1, 0)}"

    # -- expression trees: no shape or dtype tracking; errors are part of the comparison

    def leaf(self, names):
        c = self.r.random()
        if c < 0.75:
            return self.r.choice(names)[0]
        if c < 0.9:
            return self.r.choice(SCALARS)
        return self.r.choice(["np.float32(1.5)", "np.int8(-3)", "np.uint8(200)", "np.int64(7)",
                              "np.float64(-0.25)", "np.bool_(True)", "np.uint16(3)"])

    def tree(self, names, depth):
        if depth <= 0 or self.r.random() < 0.2:
            return self.leaf(names)
        sub = lambda: self.tree(names, depth - 1)
        c = self.r.randint(0, 11)
        if c <= 2:
            return f"({sub()} {self.r.choice(BIN_OPS)} {sub()})"
        if c == 3:
            # math ufuncs in float64: small ints would give NumPy's float16, and NumPy's SIMD
            # float32 sin/log/exp differ from the correctly rounded result in the last place
            return f"{self.r.choice(MATH)}(np.asarray({sub()}, dtype=np.float64))"
        if c == 4:
            fn = self.r.choice(["np.maximum", "np.minimum", "np.add", "np.subtract",
                                "np.multiply", "np.fmax", "np.logical_and", "np.equal",
                                "np.less", "np.arctan2", "np.hypot", "np.floor_divide"])
            if fn in ("np.arctan2", "np.hypot"):
                return (f"{fn}(np.asarray({sub()}, dtype=np.float64), "
                        f"np.asarray({sub()}, dtype=np.float64))")
            if fn in ("np.maximum", "np.minimum", "np.fmax"):
                # + 0 makes -0.0 0.0: which zero NumPy's SIMD min/max keep depends on the lane
                return f"({fn}({sub()}, {sub()}) + 0)"
            return f"{fn}({sub()}, {sub()})"
        if c == 5:
            red = self.r.choice(REDUCE)
            ax = self.r.choice(["", "", "axis=0", "axis=-1", "axis=1", "axis=(0, -1)"])
            if red in ("argmax", "argmin", "cumsum") and "(" in ax:
                ax = ""
            keep = ", keepdims=True" if red not in ("argmax", "argmin", "cumsum", "ptp") \
                and self.r.random() < 0.3 else ""
            args = ax + keep if ax else keep[2:]
            return f"np.asarray({sub()}).{red}({args})"
        if c == 6:
            idx = self.r.choice(["0", "-1", "1:", "::-1", "..., 0", "None", ":, None", "..., ::2",
                                 "[0, -1]", "[[0], [0]]", "1:, :1", "np.newaxis, ..."])
            return f"np.asarray({sub()})[{idx}]"
        if c == 7:
            t = sub()
            # (np.transpose and squeeze are left out: Abacus returns a scalar for a 0-d input)
            return self.r.choice([f"np.asarray({t}).T", f"np.asarray({t}).reshape(-1)",
                                  f"np.expand_dims({t}, 0)", f"np.ravel({t})",
                                  f"np.asarray({t}).swapaxes(0, -1)",
                                  f"np.asarray({t}).reshape(1, -1)"])
        if c == 8:
            return f"np.asarray({sub()}).astype(np.{np_name(self.r.choice(DTYPES))})"
        if c == 9:
            return f"np.where({sub()} > 0, {sub()}, {sub()})"
        if c == 10:
            return self.r.choice([f"-{sub()}", f"abs({sub()})", f"~{sub()}",
                                  f"np.square({sub()})", f"np.sign({sub()})",
                                  f"np.isnan(1.0 * {sub()})", f"np.clip({sub()}, -2, 2)"])
        # ufuncs with out= and where=
        a, b = sub(), sub()
        fn = self.r.choice(["np.add", "np.multiply", "np.maximum", "np.subtract"])
        un = self.r.choice(["np.negative", "np.sqrt", "np.abs", "np.exp"])
        return self.r.choice([f"ufout({fn}, {a}, {b})", f"ufwhere({fn}, {a}, {b})",
                              f"unwhere({un}, np.asarray({a}, dtype=np.float64))"])

    def expr(self, names):
        if self.r.random() < 0.5:
            return self.tree(names, self.r.randint(1, 3))
        name, shape, dtype = self.r.choice(names)
        c = self.r.randint(0, 12)
        if c <= 2:
            other = [n for n in names if n[0] != name]
            oname = self.r.choice(other)[0] if other else name
            return f"{name} {self.r.choice(BIN_OPS)} {oname}"
        if c == 3:
            op, s = self.r.choice(BIN_OPS), self.r.choice(SCALARS)
            return f"{name} {op} {s}" if self.r.random() < 0.6 else f"{s} {op} {name}"
        if c == 4:
            fn = self.r.choice(MATH)
            if fn not in ("np.abs", "np.sign", "np.square", "np.isnan", "np.isfinite") \
                    and dtype not in MATH_DTYPES:
                fn = "np.abs"
            return f"{fn}({name})"
        if c == 5:
            red = self.r.choice(REDUCE)
            ax = self.axis(len(shape))
            args = [] if ax is None else [f"axis={ax}"]
            if red not in ("argmax", "argmin", "cumsum", "ptp") and self.r.random() < 0.3:
                args.append("keepdims=True")
            return f"{name}.{red}({', '.join(args)})"
        if c == 6:
            return f"{name}[{self.index(shape).replace('X', name)}]"
        if c == 7:
            return self.r.choice([f"-{name}", f"abs({name})", f"~{name}", f"{name}.T",
                                  f"{name}.reshape(-1)", f"{name}.ravel()", f"{name}.flatten()",
                                  f"np.sort({name}, axis=None)", f"{name}.tolist()",
                                  f"{name}.shape", f"np.unique({name})"])
        if c == 8:
            dt = self.r.choice(DTYPES)
            return f"{name}.astype(np.{np_name(dt)})"
        if c == 9:
            other = self.r.choice(names)[0]
            return self.r.choice([f"np.maximum({name}, {other})", f"np.minimum({name}, {other})",
                                  f"np.where({name} > 0, {name}, {other})",
                                  f"np.clip({name}, 0, 3)"])
        if c == 10:
            other = self.r.choice(names)[0]
            return self.r.choice([f"np.concatenate([{name}, {other}])",
                                  f"np.stack([{name}, {name}])", f"np.hstack([{name}, {other}])"])
        if c == 11:
            other = self.r.choice(names)[0]
            if self.r.random() < 0.5:
                op = self.r.choice(["+", "-", "*", "//", "**"])
                return f"iop({name}, {self.r.choice([other, '2', '1.5', '-1'])}, '{op}')"
            return f"setit({name}, {self.r.choice([other, '7', '-2.5', 'True'])}, {self.r.randint(0, 2)})"
        return f"{name}.sum() + {name}.mean()"


PRELUDE = """\
import numpy as np


def iop(a, b, op):
    a = a.copy()
    if op == '+':
        a += b
    elif op == '-':
        a -= b
    elif op == '*':
        a *= b
    elif op == '//':
        a //= b
    else:
        a **= b
    return a


def kind(e):
    # the builtin class an error is: NumPy's own classes (UFuncTypeError, AxisError) differ in
    # name between their traceback line and __name__
    for c in (ValueError, IndexError, TypeError, ZeroDivisionError, OverflowError):
        if isinstance(e, c):
            return c.__name__
    return type(e).__name__


def ufout(f, a, b):
    # f(a, b) into a preallocated array of the result's dtype and shape
    r = f(a, b)
    o = np.zeros(np.shape(r), dtype=np.asarray(r).dtype)
    f(a, b, out=o)
    return o


def ufwhere(f, a, b):
    r = np.asarray(f(a, b))
    o = np.full(r.shape, 7, dtype=r.dtype)
    f(a, b, out=o, where=np.asarray(a) > 0)
    return o


def unwhere(f, a):
    r = np.asarray(f(a))
    o = np.full(r.shape, 5, dtype=r.dtype)
    f(a, out=o, where=np.asarray(a) > 0)
    return o


def setit(a, v, k):
    a = a.copy()
    if k == 0:
        a[...] = v
    elif k == 1:
        a[a > 0] = v
    else:
        a[:1] = v
    return a
"""


def make_program(seed, index):
    g = Gen(random.Random(seed * 1000 + index))
    lines = [PRELUDE]
    names = []
    for i in range(4):
        if names and g.r.random() < 0.6:
            _, base_shape, _ = g.r.choice(names)
            src, shape, dtype = g.array(g.partner_shape(base_shape))
        else:
            src, shape, dtype = g.array()
        names.append((f"a{i}", shape, dtype))
        lines.append(f"a{i} = {src}")
    for _ in range(EXPRS_PER_PROGRAM):
        e = g.expr(names)
        lines.append(f"try:\n    print(17, repr({e}))\nexcept Exception as e:\n"
                     f"    print(17, kind(e))")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Tests

if __name__ == "__main__":
    print(make_program(int(sys.argv[1]), int(sys.argv[2])), end="")
    sys.exit(0)

skip_without_abacus()

# Every numpy_cases, numpy_cases2, ... directory (not numpy_linalg_cases or numpy_random_cases,
# which have their own modules).
CASES = sorted(p for d in HERE.glob("numpy_cases*") if d.is_dir() for p in d.glob("*.py"))


def test_case_count():
    assert len(CASES) >= MIN_CASES, f"only {len(CASES)} cases in {CASES_DIR}"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case(case, tmp_path):
    NUMPY.compare(case, tmp_path, case.name.startswith("err_"))


@pytest.mark.parametrize("index", range(PROGRAMS), ids=[f"program_{i}" for i in range(PROGRAMS)])
def test_random(index, tmp_path):
    src = make_program(SEED, index)
    path = tmp_path / f"numpy_random_{SEED}_{index}.py"
    path.write_text(src, encoding="utf-8")
    keep = os.environ.get("ABACUS_RANDOM_KEEP")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / path.name).write_text(src, encoding="utf-8")
    try:
        NUMPY.compare(path, tmp_path, None)
    except pytest.fail.Exception as exc:
        raise pytest.fail.Exception(f"seed {SEED}, program {index} "
                                    f"(python3 {Path(__file__).name} {SEED} {index})\n{exc}",
                                    pytrace=False) from None
