"""Randomised differential tests: random expressions evaluated by `abacus run` and by CPython.

A seeded generator builds expressions over ints (small, negative, beyond 64 bits), floats,
strings and their methods, lists/tuples/dicts/sets with indexing, slicing and the usual
built-ins, comparisons, boolean operators, conditional expressions, f-strings with format specs,
format() and str % formatting. Each expression becomes

    try:
        print(17, repr(<expr>))
    except Exception as e:
        print(17, type(e).__name__)

so type errors and division by zero are part of what is compared. Programs hold
EXPRS_PER_PROGRAM expressions; PROGRAMS programs run per session (3,200 expressions by default).

Environment:
    ABACUS_BIN               the interpreter under test (the module is skipped without it)
    ABACUS_SEED              base seed (default 20240501); printed in every failure
    ABACUS_RANDOM_PROGRAMS   number of programs (default 16)
    ABACUS_RANDOM_KEEP       directory to keep the generated programs in (optional)

Reproduce a failure with the seed it prints: ABACUS_SEED=<seed> python3 -m pytest ... -k 'program_7'
or print a program with: python3 test_random_exprs.py <seed> <index>
"""
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

CPYTHON = os.environ.get("ABACUS_CPYTHON", "/usr/bin/python3")
ABACUS_BIN = os.environ.get("ABACUS_BIN")
SEED = int(os.environ.get("ABACUS_SEED", "20240501"))
PROGRAMS = int(os.environ.get("ABACUS_RANDOM_PROGRAMS", "16"))
EXPRS_PER_PROGRAM = 200
TIMEOUT = 20

PRELUDE = """\
xs = [3, -1, 4, 1, -5, 9, 2, 6]
ys = (2.5, -0.5, 10.0, 1e-3)
s = 'Hello, World'
d = {'a': 1, 'b': -2, 'c': 30}
n = 42
big = 2 ** 70 + 3
f = 2.75
"""

# ---------------------------------------------------------------------------------------------
# Generator


class Gen:
    """Typed random expression generator. Every method returns Python source text."""

    SMALL_INTS = [0, 1, 2, 3, 5, 7, 10, 12, 100, 255, 1000, -1, -2, -3, -7, -10, -100]
    BIG_INTS = [2 ** 63 - 1, 2 ** 63, -2 ** 63, 2 ** 64 + 1, 10 ** 20, -(10 ** 19) - 7,
                123456789012345678901234567890, 3 ** 50, -(2 ** 100)]
    FLOATS = ["0.0", "0.1", "0.2", "0.5", "1.5", "2.5", "-0.5", "-2.25", "3.14159", "1e16",
              "1e-5", "123456.789", "1e100", "-0.0", "7.0", "0.3", "100.25", "1e22", "2.675"]
    STRS = ["", "a", "abc", "Hello", "hello world", "  padded  ", "a,b,,c", "Mixed Case Words",
            "123", "x1y2", "aaa", "--==--", "tab\tsep", "line1\nline2", "héllo", "ÉCOLE",
            "snake_case_name", "3.14", "CamelCase"]
    PLAIN_STRS = [x for x in STRS if "\\" not in repr(x) and "'" not in x and '"' not in x]
    INT_OPS = ["+", "-", "*", "//", "%", "&", "|", "^"]
    FLOAT_OPS = ["+", "-", "*", "/", "//", "%"]
    CMP_OPS = ["<", "<=", ">", ">=", "==", "!="]
    FILLS = ["", "", "", "*", "-", "0", ".", "#", "_"]
    INT_ARGS = ["'ff', 16", "'777', 8", "'-101', 2", "'zz', 36", "' 12 '", "'1_000'", "'0x1f', 0"]
    ORD_ARGS = ["'a'", "'Z'", "'é'", "' '"]
    FLOAT_ARGS = ["'1.5'", "'-2e3'", "' 0.1 '", "'inf'", "'1_0.5'"]
    STRIP_ARGS = ["'ab'", "' -'", "'xyz'", "'H'"]
    D_KEYS = ["'a'", "'b'", "'c'", "'z'"]

    def __init__(self, rng):
        self.r = rng

    def choice(self, seq):
        return self.r.choice(seq)

    def chance(self, p):
        return self.r.random() < p

    # -- numbers --------------------------------------------------------------------------
    def int_lit(self):
        k = self.r.random()
        if k < 0.55:
            v = self.choice(self.SMALL_INTS)
        elif k < 0.8:
            v = self.r.randint(-5000, 5000)
        elif k < 0.92:
            v = self.choice(self.BIG_INTS)
        else:
            return self.choice(["n", "big", "len(xs)", "xs[2]", "d['c']", "True"])
        return f"({v})" if v < 0 else str(v)

    def int_expr(self, depth=2):
        if depth <= 0 or self.chance(0.3):
            return self.int_lit()
        k = self.r.randrange(11)
        a = self.int_expr(depth - 1)
        if k < 4:
            return f"({a} {self.choice(self.INT_OPS)} {self.int_expr(depth - 1)})"
        if k == 4:
            # a literal base keeps results well below CPython's 4300-digit str() limit
            return f"({self.int_lit()} ** {self.r.randint(0, 9)})"
        if k == 5:
            return f"({a} {self.choice(['<<', '>>'])} {self.r.randint(0, 70)})"
        if k == 6:
            return f"{self.choice(['-', '~', '+'])}{a}"
        if k == 7:
            return self.choice([f"abs({a})", f"int({self.float_expr(depth - 1)})",
                                f"round({self.float_expr(depth - 1)})", f"len({self.str_expr(depth - 1)})",
                                f"int({self.choice(['str', 'repr'])}({a}))",
                                f"round({a}, {self.r.randint(-3, 2)})"])
        if k == 8:
            return self.choice([f"sum({self.list_expr(depth - 1)})", f"min({self.list_expr(depth - 1)})",
                                f"max({self.list_expr(depth - 1)}, default=-1)",
                                f"pow({a}, {self.r.randint(0, 40)}, {self.choice(['7', '1000', '97', '10**9+7'])})",
                                f"divmod({a}, {self.int_expr(depth - 1)})[{self.r.randint(0, 1)}]"])
        if k == 9:
            return f"({a} if {self.bool_expr(depth - 1)} else {self.int_expr(depth - 1)})"
        return self.choice([f"{self.str_expr(depth - 1)}.count({self.str_lit(True)})",
                            f"{self.str_expr(depth - 1)}.find({self.str_lit(True)})",
                            f"int({self.choice(self.INT_ARGS)})",
                            f"ord({self.choice(self.ORD_ARGS)})",
                            f"{self.list_expr(depth - 1)}.count({self.int_lit()})"])

    def float_lit(self):
        if self.chance(0.1):
            return self.choice(["f", "ys[0]", "ys[-1]", "float('inf')", "float('-inf')", "float('nan')"])
        v = self.choice(self.FLOATS)
        return f"({v})" if v.startswith("-") else v

    def float_expr(self, depth=2):
        if depth <= 0 or self.chance(0.3):
            return self.float_lit()
        k = self.r.randrange(8)
        a = self.float_expr(depth - 1)
        if k < 3:
            b = self.float_expr(depth - 1) if self.chance(0.6) else self.int_lit()
            if self.chance(0.5):
                a, b = b, a
            return f"({a} {self.choice(self.FLOAT_OPS)} {b})"
        if k == 3:
            return f"({a} ** {self.r.randint(-3, 4)})"
        if k == 4:
            return f"({self.int_expr(depth - 1)} / {self.int_expr(depth - 1)})"
        if k == 5:
            return self.choice([f"abs({a})", f"-{a}", f"float({self.int_expr(depth - 1)})",
                                f"round({a}, {self.r.randint(0, 4)})", f"float({self.choice(self.FLOAT_ARGS)})"])
        if k == 6:
            return f"({a} if {self.bool_expr(depth - 1)} else {self.float_expr(depth - 1)})"
        return self.choice([f"sum({self.float_list()})", f"max({self.float_list()})",
                            f"min({a}, {self.int_lit()})", f"divmod({a}, {self.float_lit()})[{self.r.randint(0, 1)}]"])

    def float_list(self):
        return "[" + ", ".join(self.float_lit() for _ in range(self.r.randint(1, 4))) + "]"

    def num_expr(self, depth=2):
        return self.float_expr(depth) if self.chance(0.4) else self.int_expr(depth)

    # -- booleans ---------------------------------------------------------------------------
    def bool_expr(self, depth=2):
        k = self.r.randrange(8)
        if depth <= 0 or k == 0:
            return self.choice(["True", "False", f"bool({self.int_lit()})", f"({self.int_lit()} > 0)"])
        if k < 3:
            if self.chance(0.3):
                a, b, c = (self.int_expr(depth - 1) for _ in range(3))
                return f"({a} {self.choice(self.CMP_OPS)} {b} {self.choice(self.CMP_OPS)} {c})"
            mk = self.choice([self.int_expr, self.float_expr, self.str_expr, self.num_expr])
            return f"({mk(depth - 1)} {self.choice(self.CMP_OPS)} {mk(depth - 1)})"
        if k == 3:
            return f"({self.bool_expr(depth - 1)} {self.choice(['and', 'or'])} {self.bool_expr(depth - 1)})"
        if k == 4:
            return f"(not {self.bool_expr(depth - 1)})"
        if k == 5:
            return self.choice([f"({self.int_lit()} in {self.list_expr(depth - 1)})",
                                f"({self.str_lit(True)} in {self.str_expr(depth - 1)})",
                                f"({self.str_lit(True)} not in d)",
                                f"isinstance({self.any_expr(depth - 1)}, {self.choice(['int', 'float', 'str', 'list', '(int, float)', 'tuple', 'bool'])})"])
        if k == 6:
            return self.choice([f"any({self.list_expr(depth - 1)})", f"all({self.list_expr(depth - 1)})",
                                f"{self.str_expr(depth - 1)}.{self.choice(['isdigit', 'isalpha', 'isupper', 'islower', 'isspace', 'isalnum', 'istitle'])}()",
                                f"{self.str_expr(depth - 1)}.startswith({self.str_lit(True)})",
                                f"{self.str_expr(depth - 1)}.endswith({self.str_lit(True)})"])
        # boolean operators return operands
        mk = self.choice([self.int_expr, self.str_expr, self.list_expr])
        return f"({mk(depth - 1)} {self.choice(['and', 'or'])} {mk(depth - 1)})"

    # -- strings ------------------------------------------------------------------------------
    def str_lit(self, plain=False):
        if not plain and self.chance(0.08):
            return "s"
        return repr(self.choice(self.PLAIN_STRS if plain else self.STRS))

    def str_expr(self, depth=2, plain=False):
        if depth <= 0 or self.chance(0.25):
            return self.str_lit(plain)
        a = self.str_expr(depth - 1, plain)
        k = self.r.randrange(12)
        if k == 0:
            return f"({a} + {self.str_expr(depth - 1, plain)})"
        if k == 1:
            return f"({a} * {self.r.randint(-1, 4)})"
        if k == 2:
            return f"{a}.{self.choice(['upper', 'lower', 'title', 'capitalize', 'swapcase', 'strip', 'lstrip', 'rstrip'])}()"
        if k == 3:
            return f"{a}[{self._slice()}]"
        if k == 4:
            return f"{a}.replace({self.str_lit(True)}, {self.str_lit(True)})"
        if k == 5:
            w = self.r.randint(0, 16)
            fill = self.choice(["", ", '*'", ", '-'", ", '.'"])
            return f"{a}.{self.choice(['center', 'ljust', 'rjust'])}({w}{fill})"
        if k == 6:
            return f"{a}.zfill({self.r.randint(0, 10)})"
        if k == 7:
            sep = self.choice(["", "None", "','", "' '", "'l'", "'o'"])
            meth = self.choice(["split", "rsplit"])
            maxs = self.choice(["", ", 1", ", -1"]) if sep else ""
            return f"{self.str_lit(True)!s}.join({a}.{meth}({sep}{maxs}))"
        if k == 8:
            return f"{a}.strip({self.choice(self.STRIP_ARGS)})"
        if k == 9:
            return self.choice([f"str({self.num_expr(depth - 1)})", f"repr({self.any_expr(depth - 1)})",
                                f"hex({self.int_expr(depth - 1)})", f"bin({self.int_expr(depth - 1)})",
                                f"oct({self.int_expr(depth - 1)})", f"chr({self.r.randint(32, 1000)})"])
        if k == 10:
            return self.fstring(depth - 1)
        return self.choice([self.format_call(depth - 1), self.percent_format(depth - 1),
                            f"''.join(sorted({a}))", f"''.join(reversed({a}))",
                            f"{a}.partition({self.str_lit(True)})[{self.r.randint(0, 2)}]",
                            f"{a}[{self.int_lit()}]"])

    def _slice(self):
        def part():
            return self.choice(["", "", str(self.r.randint(-8, 8)), "None"])
        if self.chance(0.4):
            return f"{part()}:{part()}:{self.choice(['1', '2', '-1', '-2', '3', '0', ''])}"
        return f"{part()}:{part()}"

    # -- format specs ------------------------------------------------------------------------
    def spec(self, kind):
        fill = self.choice(self.FILLS)
        align = self.choice(["", "<", ">", "^", "="] if kind != "str" else ["", "<", ">", "^"])
        if fill and not align:
            align = self.choice("<>^")
        parts = [fill + align]
        if kind != "str":
            parts.append(self.choice(["", "", "+", "-", " "]))
            parts.append(self.choice(["", "", "", "#"]))
            parts.append(self.choice(["", "", "", "0"]))
        parts.append(self.choice(["", "", str(self.r.randint(1, 18))]))
        if kind != "str":
            parts.append(self.choice(["", "", "", ",", "_"]))
        if kind == "float" or (kind == "str" and self.chance(0.3)) or (kind == "int" and self.chance(0.08)):
            parts.append(self.choice(["", f".{self.r.randint(0, 12)}"]))
        if kind == "int":
            parts.append(self.choice(["", "d", "x", "X", "o", "b", "e", "f", "g", "%", "E", "c"]))
        elif kind == "float":
            parts.append(self.choice(["", "f", "F", "e", "E", "g", "G", "%"]))
        else:
            parts.append(self.choice(["", "", "s"]))
        return "".join(parts)

    def _formattable(self, depth):
        kind = self.choice(["int", "int", "float", "float", "str"])
        if kind == "int":
            val = self.int_expr(depth)
        elif kind == "float":
            val = self.float_expr(depth)
        else:
            val = self.str_expr(depth, plain=True)
        return kind, val

    def fstring(self, depth):
        pieces = []
        for _ in range(self.r.randint(1, 3)):
            kind, val = self._formattable(max(depth, 0))
            if "\\" in val or '"' in val:
                val = self.str_lit(True) if kind == "str" else self.int_lit()
            if self.chance(0.15):
                conv = self.choice(["!r", "!s"])
                pieces.append(f"<{{{val}{conv}}}>")
            elif self.chance(0.12):
                pieces.append(f"[{{{val}:{{{self.r.randint(1, 12)}}}}}]")
            else:
                sp = self.spec(kind)
                pieces.append(f"[{{{val}:{sp}}}]" if sp else f"[{{{val}}}]")
        return 'f"' + " ".join(pieces) + '"'

    def format_call(self, depth):
        kind, val = self._formattable(max(depth, 0))
        sp = self.spec(kind)
        if self.chance(0.5):
            return f"format({val}, {sp!r})"
        return f"{'{:' + sp + '}'!r}.format({val})"

    def percent_format(self, depth):
        kind, val = self._formattable(max(depth, 0))
        flags = self.choice(["", "", "-", "+", "0", " ", "#"])
        width = self.choice(["", "", str(self.r.randint(1, 12))])
        prec = self.choice(["", "", f".{self.r.randint(0, 8)}"])
        conv = {"int": "dixXoeEfgGrs", "float": "eEfFgGrsd", "str": "sr"}[kind]
        return f"('%{flags}{width}{prec}{self.choice(conv)}' % ({val},))"

    # -- containers -------------------------------------------------------------------------------
    def list_expr(self, depth=2):
        if depth <= 0 or self.chance(0.3):
            if self.chance(0.2):
                return self.choice(["xs", "list(ys)", "list(d.values())", "[]"])
            return "[" + ", ".join(self.int_lit() for _ in range(self.r.randint(0, 6))) + "]"
        a = self.list_expr(depth - 1)
        k = self.r.randrange(10)
        if k == 0:
            return f"({a} + {self.list_expr(depth - 1)})"
        if k == 1:
            return f"({a} * {self.r.randint(0, 3)})"
        if k == 2:
            return f"{a}[{self._slice()}]"
        if k == 3:
            return f"sorted({a}{self.choice(['', ', reverse=True', ', key=abs', ', key=lambda v: -v', ', key=str'])})"
        if k == 4:
            return f"list(reversed({a}))"
        if k == 5:
            v = self.choice(["x", "x * x", "x // 2", "-x", "x % 3", "abs(x) + 1"])
            cond = self.choice(["", " if x > 0", " if x % 2", " if x != 1"])
            return f"[{v} for x in {a}{cond}]"
        if k == 6:
            return self.choice([f"list(map(abs, {a}))", f"list(filter(None, {a}))",
                                f"list(range({self.r.randint(-5, 5)}, {self.r.randint(-5, 15)}, {self.choice(['1', '2', '-1', '3', '-2'])}))",
                                f"sorted(set({a}))", f"[len(w) for w in {self.str_expr(depth - 1)}.split()]"])
        if k == 7:
            return f"[i * v for i, v in enumerate({a})]"
        if k == 8:
            return f"[x + y for x, y in zip({a}, {self.list_expr(depth - 1)})]"
        return f"list(divmod({self.int_expr(depth - 1)}, {self.int_lit()}))"

    def container_expr(self, depth=2):
        k = self.r.randrange(9)
        a = self.list_expr(depth)
        if k == 0:
            return f"tuple({a})"
        if k == 1:
            return f"{{v: v * 2 for v in {a}}}"
        if k == 2:
            return f"dict(zip({self.str_expr(depth - 1, True)}, {a}))"
        if k == 3:
            return self.choice([f"d.get({self.str_lit(True)}, {self.int_lit()})", f"d[{self.choice(self.D_KEYS)}]",
                                "sorted(d.items(), key=lambda kv: kv[1])", "list(d)", "{**d, 'z': 0}", "d | {'a': 9}"])
        if k == 4:
            # sets of small non-negative ints print in a deterministic order
            small = "{" + ", ".join(str(self.r.randint(0, 20)) for _ in range(self.r.randint(1, 5))) + "}"
            other = "{" + ", ".join(str(self.r.randint(0, 20)) for _ in range(self.r.randint(1, 5))) + "}"
            return f"({small} {self.choice(['|', '&', '-', '^'])} {other})"
        if k == 5:
            return f"list(zip({a}, {self.str_expr(depth - 1)}))"
        if k == 6:
            return f"{a}.index({self.int_lit()})"
        if k == 7:
            return f"list(enumerate({self.str_expr(depth - 1)}, {self.r.randint(0, 2)}))"
        return f"({a}, {self.str_lit()}, {self.float_lit()})[{self.r.randint(-3, 3)}]"

    def any_expr(self, depth=3):
        return self.choice([self.int_expr, self.int_expr, self.float_expr, self.str_expr,
                            self.str_expr, self.bool_expr, self.list_expr, self.container_expr])(depth)

    def expression(self):
        depth = self.r.randint(1, 3)
        if self.chance(0.1):
            # a deliberately type-mixed binary operation (no *: str/list * big int explodes)
            op = self.choice(["+", "-", "/", "%", "<", "==", "in", "//", "&"])
            return f"({self.any_expr(1)} {op} {self.any_expr(1)})"
        if self.chance(0.08):
            return f"({self.any_expr(depth)} if {self.bool_expr(1)} else {self.any_expr(depth)})"
        return self.any_expr(depth)


def generate_program(seed, index, count=EXPRS_PER_PROGRAM):
    """Return (source, [expression sources]) for program `index` of base seed `seed`."""
    gen = Gen(random.Random(seed * 1000 + index))
    exprs = [gen.expression() for _ in range(count)]
    lines = [f"# random expressions: seed {seed}, program {index}", PRELUDE]
    for i, e in enumerate(exprs):
        lines.append(f"try:\n    print({i}, repr({e}))\nexcept Exception as e:\n    print({i}, type(e).__name__)")
    return "\n".join(lines) + "\n", exprs


# ---------------------------------------------------------------------------------------------
# Tests


def _run(argv, cwd):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", LC_ALL="C.UTF-8",
               NO_COLOR="1", TERM="dumb")
    try:
        p = subprocess.run(argv, cwd=cwd, capture_output=True, timeout=TIMEOUT, env=env,
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None, "", f"timed out after {TIMEOUT} s"
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


if __name__ != "__main__" and not ABACUS_BIN:
    pytest.skip("ABACUS_BIN is not set: point it at the abacus executable "
                "(ctest sets it; by hand: ABACUS_BIN=build/abacus)", allow_module_level=True)


@pytest.mark.parametrize("index", range(PROGRAMS), ids=lambda i: f"program_{i}")
def test_random_expressions(index, tmp_path):
    source, exprs = generate_program(SEED, index)
    prog = tmp_path / f"random_{SEED}_{index}.py"
    prog.write_text(source, encoding="utf-8")
    keep = os.environ.get("ABACUS_RANDOM_KEEP")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / prog.name).write_text(source, encoding="utf-8")
    repro = (f"seed ABACUS_SEED={SEED}, program {index} "
             f"(regenerate: python3 {Path(__file__).name} {SEED} {index})")

    py_rc, py_out, py_err = _run([CPYTHON, str(prog)], tmp_path)
    assert py_rc == 0, f"generated program fails in CPython ({repro}):\n{py_err[-3000:]}"
    want = py_out.splitlines()
    assert len(want) == len(exprs), f"CPython printed {len(want)} lines for {len(exprs)} expressions"

    ab_rc, ab_out, ab_err = _run([ABACUS_BIN, "run", str(prog)], tmp_path)
    got = ab_out.splitlines()
    for i, w in enumerate(want):
        g = got[i] if i < len(got) else "<no output>"
        if g != w:
            pytest.fail(
                f"{repro}\nfirst difference at expression {i} of {len(exprs)}:\n"
                f"  expression: {exprs[i]}\n  cpython:    {w}\n  abacus:     {g}\n"
                f"abacus exit status {ab_rc}; stderr tail:\n{ab_err[-1500:]}", pytrace=False)
    if len(got) != len(want) or ab_rc != 0:
        pytest.fail(f"{repro}\nabacus printed {len(got)} lines for {len(want)} expressions, "
                    f"exit status {ab_rc}\nextra output: {got[len(want):][:5]}\n"
                    f"stderr tail:\n{ab_err[-1500:]}", pytrace=False)


if __name__ == "__main__":
    # python3 test_random_exprs.py [seed] [index]: print one generated program
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else SEED
    index = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    sys.stdout.write(generate_program(seed, index)[0])
