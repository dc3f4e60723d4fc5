"""Shared machinery of the differential tests: run a program under `$ABACUS_BIN run` and under
CPython, find the exception line, compare the two runs and report a difference readably.

test_differential.py (the Python language) uses the PYTHON profile; test_numpy.py,
test_numpy_linalg.py and test_numpy_random.py use NUMPY (or a longer timeout of it), which also
sets OPENBLAS_NUM_THREADS=1 for both sides, so that both pick the same BLAS kernels, and skips
lines ending in `Warning` when looking for the exception line (NumPy prints RuntimeWarnings on
stderr).

Imported as a plain module: pytest puts this directory on sys.path (rootdir-based "prepend"
import mode, no __init__.py), as does running a test module as a script.
"""
import difflib
import os
import re
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CPYTHON = os.environ.get("ABACUS_CPYTHON", "/usr/bin/python3")


def _abacus_bin():
    """$ABACUS_BIN, made absolute when it is a path: programs run in temporary directories."""
    path = os.environ.get("ABACUS_BIN")
    return os.path.abspath(path) if path and os.sep in path else path


ABACUS_BIN = _abacus_bin()

# An exception line: a (possibly dotted) class name, then ": message" or nothing.
# Traceback headers, indented source lines and carets never match.
EXC_LINE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(: .*)?$")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def skip_without_abacus(module=True):
    """Skip the calling test module when ABACUS_BIN is not set."""
    if not ABACUS_BIN:
        pytest.skip("ABACUS_BIN is not set: point it at the abacus executable "
                    "(ctest sets it; by hand: ABACUS_BIN=build/abacus)",
                    allow_module_level=module)


@dataclass(frozen=True)
class Profile:
    """How one family of tests runs its programs."""
    timeout: int          # seconds per program run
    blas_threads: bool    # set OPENBLAS_NUM_THREADS=1
    skip_warnings: bool   # exception lines never end in "Warning"
    extra: tuple = ()     # more (name, value) environment settings for both sides

    def env(self, more=()):
        env = dict(os.environ)
        env.update(PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1",
                   LC_ALL="C.UTF-8", LANG="C.UTF-8", NO_COLOR="1", TERM="dumb")
        if self.blas_threads:
            env["OPENBLAS_NUM_THREADS"] = "1"
        env.update(self.extra)
        env.update(more)
        env.pop("PYTHONSTARTUP", None)
        return env

    def run(self, argv, cwd, more_env=()):
        """Run argv in cwd; return (exit status, stdout, stderr) or fail readably."""
        try:
            proc = subprocess.run(argv, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=self.timeout, env=self.env(more_env))
        except subprocess.TimeoutExpired as exc:
            out = (exc.stdout or b"").decode("utf-8", "replace")
            pytest.fail(f"{' '.join(map(str, argv))} timed out after {self.timeout} s\n"
                        f"--- stdout so far (last 2000 chars) ---\n{out[-2000:]}", pytrace=False)
        except OSError as exc:
            pytest.fail(f"cannot run {argv[0]}: {exc}", pytrace=False)
        return (proc.returncode, proc.stdout.decode("utf-8", "replace"),
                proc.stderr.decode("utf-8", "replace"))

    def exception_line(self, stderr):
        """The last stderr line that starts with an exception class name, or None."""
        for line in reversed(ANSI.sub("", stderr).splitlines()):
            line = line.rstrip()
            if line and EXC_LINE.match(line) and not (self.skip_warnings
                                                       and line.endswith("Warning")):
                return line
        return None

    def compare(self, path, tmp_path, expect_failure, reference=None, more_env=()):
        """Run path under both interpreters (each in its own directory under tmp_path) and fail
        unless stdout, the exit status and, for failing runs, the exception line agree.
        expect_failure True/False checks the case itself (err_*.py must fail in CPython,
        others must succeed); None skips that check. reference (label, environment) compares
        with a second run of Abacus in that environment instead of CPython; more_env is added
        to Abacus's environment. Returns Abacus's (status, stdout, stderr)."""
        source = path.read_text(encoding="utf-8")
        (tmp_path / "cpython").mkdir()
        (tmp_path / "abacus").mkdir()
        if reference:
            py = self.run([ABACUS_BIN, "run", str(path)], tmp_path / "cpython", reference[1])
        else:
            py = self.run([CPYTHON, str(path)], tmp_path / "cpython")
        if expect_failure is not None:
            if expect_failure != (py[0] != 0):
                pytest.fail(f"invalid case {path.name}: CPython exited {py[0]} but err_*.py "
                            f"cases must fail and others must succeed\n{tail(py[2])}",
                            pytrace=False)
            if expect_failure and self.exception_line(py[2]) is None:
                pytest.fail(f"invalid case {path.name}: no exception line in CPython's stderr:"
                            f"\n{tail(py[2])}", pytrace=False)
        ab = self.run([ABACUS_BIN, "run", str(path)], tmp_path / "abacus", more_env)
        problems = []
        if py[1] != ab[1]:
            problems.append("stdout differs")
        if py[0] != ab[0]:
            problems.append(f"exit status {ab[0]} instead of {py[0]}")
        if py[0] != 0 and ab[0] != 0:
            want, got = self.exception_line(py[2]), self.exception_line(ab[2])
            if want != got:
                problems.append(f"exception {got!r} instead of {want!r}")
        if problems:
            report = self.report(path, source, problems, py, ab)
            if reference:
                report = report.replace("cpython", reference[0])
            pytest.fail(report, pytrace=False)
        return ab

    def report(self, path, source, problems, py, ab):
        diff = "".join(difflib.unified_diff(
            py[1].splitlines(keepends=True), ab[1].splitlines(keepends=True),
            fromfile="cpython stdout", tofile="abacus stdout"))
        py_exc = self.exception_line(py[2]) if py[0] else None
        ab_exc = self.exception_line(ab[2]) if ab[0] else None
        return "\n".join([
            f"{path.name}: " + "; ".join(problems),
            f"=== program ({path}) ===\n{numbered(source)}",
            f"=== cpython: exit {py[0]}, exception line: {py_exc!r}",
            f"--- cpython stdout ---\n{tail(py[1], 60)}",
            f"=== abacus: exit {ab[0]}, exception line: {ab_exc!r}",
            f"--- abacus stdout ---\n{tail(ab[1], 60)}",
            f"--- abacus stderr (tail) ---\n{tail(ab[2])}",
            f"=== unified diff of stdout (cpython -> abacus) ===\n{diff or '(stdout identical)'}",
        ])

    def with_timeout(self, timeout):
        return replace(self, timeout=timeout)

    def with_env(self, **settings):
        return replace(self, extra=self.extra + tuple(settings.items()))


PYTHON = Profile(timeout=20, blas_threads=False, skip_warnings=False)
NUMPY = Profile(timeout=30, blas_threads=True, skip_warnings=True)


def tail(text, n=25):
    lines = text.splitlines()
    if len(lines) > n:
        lines = [f"... ({len(lines) - n} earlier lines)"] + lines[-n:]
    return "\n".join(lines)


def numbered(source):
    return "\n".join(f"{i:3d} | {line}" for i, line in enumerate(source.splitlines(), 1))
