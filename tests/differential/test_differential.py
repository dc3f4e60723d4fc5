"""Differential tests: every program in cases/ must behave in `abacus run` exactly as in CPython.

For each cases/NAME.py the test runs `$ABACUS_BIN run NAME.py` and `/usr/bin/python3 NAME.py`
(each in a fresh temporary directory, 20 s timeout) and compares
  * stdout, byte for byte (decoded as UTF-8);
  * the exit status (0 for success, 1 for an uncaught exception or a SyntaxError);
  * when the program fails: the exception line, i.e. the last line of stderr that starts with an
    exception class name ("ZeroDivisionError: division by zero"), type and message.
CPython's results are computed at test time; no expected output is stored in the repository.

Cases named err_*.py must fail in CPython, all others must succeed: a case that breaks this
rule is reported as an invalid case (the test suite's fault, not the interpreter's).
"""
import difflib
import os
import re
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "cases"
CPYTHON = os.environ.get("ABACUS_CPYTHON", "/usr/bin/python3")
ABACUS_BIN = os.environ.get("ABACUS_BIN")
TIMEOUT = 20

if not ABACUS_BIN:
    pytest.skip("ABACUS_BIN is not set: point it at the abacus executable "
                "(ctest sets it; by hand: ABACUS_BIN=build/abacus)",
                allow_module_level=True)

CASES = sorted(CASES_DIR.glob("*.py")) + sorted((HERE / "cases_methods").glob("*.py"))


def _known_failures():
    """known_failures.txt: `case: reason` lines for cases that do not pass yet."""
    known = {}
    path = HERE / "known_failures.txt"
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.partition(":")
            known[name.strip()] = reason.strip()
    return known


KNOWN = _known_failures()


def _param(case):
    marks = []
    if case.stem in KNOWN:
        marks.append(pytest.mark.xfail(reason=KNOWN[case.stem], strict=True))
    return pytest.param(case, id=case.stem, marks=marks)

# An exception line: a (possibly dotted) class name, then ": message" or nothing.
# Traceback headers, indented source lines and carets never match.
EXC_LINE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(: .*)?$")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _env():
    env = dict(os.environ)
    env.update(PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1",
               LC_ALL="C.UTF-8", LANG="C.UTF-8", NO_COLOR="1", TERM="dumb")
    env.pop("PYTHONSTARTUP", None)
    return env


def run_program(argv, cwd):
    """Run argv in cwd; return (exit status, stdout, stderr) or raise a readable failure."""
    try:
        proc = subprocess.run(argv, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=TIMEOUT, env=_env())
    except subprocess.TimeoutExpired as exc:
        out = (exc.stdout or b"").decode("utf-8", "replace")
        pytest.fail(f"{' '.join(map(str, argv))} timed out after {TIMEOUT} s\n"
                    f"--- stdout so far (last 2000 chars) ---\n{out[-2000:]}", pytrace=False)
    except OSError as exc:
        pytest.fail(f"cannot run {argv[0]}: {exc}", pytrace=False)
    return (proc.returncode, proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"))


def exception_line(stderr):
    """The last stderr line that starts with an exception class name, or None."""
    for line in reversed(ANSI.sub("", stderr).splitlines()):
        line = line.rstrip()
        if line and EXC_LINE.match(line):
            return line
    return None


def _tail(text, n=25):
    lines = text.splitlines()
    if len(lines) > n:
        lines = [f"... ({len(lines) - n} earlier lines)"] + lines[-n:]
    return "\n".join(lines)


def _numbered(source):
    return "\n".join(f"{i:3d} | {line}" for i, line in enumerate(source.splitlines(), 1))


def _report(case, source, problems, py, ab):
    py_rc, py_out, py_err = py
    ab_rc, ab_out, ab_err = ab
    diff = "".join(difflib.unified_diff(
        py_out.splitlines(keepends=True), ab_out.splitlines(keepends=True),
        fromfile="cpython stdout", tofile="abacus stdout"))
    parts = [
        f"{case.name}: " + "; ".join(problems),
        f"=== program ({case}) ===\n{_numbered(source)}",
        f"=== cpython: exit {py_rc}, exception line: {exception_line(py_err) if py_rc else None!r}",
        f"--- cpython stdout ---\n{_tail(py_out, 60)}",
        f"=== abacus: exit {ab_rc}, exception line: {exception_line(ab_err) if ab_rc else None!r}",
        f"--- abacus stdout ---\n{_tail(ab_out, 60)}",
        f"--- abacus stderr (tail) ---\n{_tail(ab_err)}",
        f"=== unified diff of stdout (cpython -> abacus) ===\n{diff or '(stdout identical)'}",
    ]
    return "\n".join(parts)


def test_case_count():
    assert len(CASES) >= 300, f"only {len(CASES)} cases in {CASES_DIR}"
    errors = [c for c in CASES if c.name.startswith("err_")]
    assert len(errors) >= 60, f"only {len(errors)} err_*.py cases"


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case, tmp_path):
    source = case.read_text(encoding="utf-8")
    py_dir = tmp_path / "cpython"
    ab_dir = tmp_path / "abacus"
    py_dir.mkdir()
    ab_dir.mkdir()
    py = run_program([CPYTHON, str(case)], py_dir)

    # The case itself must follow the naming rule, whatever the interpreter does.
    expect_failure = case.name.startswith("err_")
    if expect_failure != (py[0] != 0):
        pytest.fail(f"invalid case {case.name}: CPython exited {py[0]} but err_*.py cases must "
                    f"fail and others must succeed\n{_tail(py[2])}", pytrace=False)
    if expect_failure and exception_line(py[2]) is None:
        pytest.fail(f"invalid case {case.name}: no exception line in CPython's stderr:\n"
                    f"{_tail(py[2])}", pytrace=False)

    ab = run_program([ABACUS_BIN, "run", str(case)], ab_dir)

    problems = []
    if py[1] != ab[1]:
        problems.append("stdout differs")
    if py[0] != ab[0]:
        problems.append(f"exit status {ab[0]} instead of {py[0]}")
    if py[0] != 0 and ab[0] != 0:
        want, got = exception_line(py[2]), exception_line(ab[2])
        if want != got:
            problems.append(f"exception {got!r} instead of {want!r}")
    if problems:
        pytest.fail(_report(case, source, problems, py, ab), pytrace=False)
