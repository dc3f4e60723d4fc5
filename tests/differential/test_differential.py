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
from pathlib import Path

import pytest

from diffharness import PYTHON, skip_without_abacus

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "cases"

skip_without_abacus()

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


def test_case_count():
    assert len(CASES) >= 300, f"only {len(CASES)} cases in {CASES_DIR}"
    errors = [c for c in CASES if c.name.startswith("err_")]
    assert len(errors) >= 60, f"only {len(errors)} err_*.py cases"


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case, tmp_path):
    # The case itself must follow the naming rule, whatever the interpreter does.
    PYTHON.compare(case, tmp_path, case.name.startswith("err_"))
