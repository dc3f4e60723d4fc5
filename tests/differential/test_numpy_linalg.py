"""Differential tests of linear algebra: Abacus's numpy.dot/matmul/@, vdot, inner, outer, cross,
trace and numpy.linalg against CPython + NumPy 1.24 on the same OpenBLAS.

Every numpy_linalg_cases/NAME.py runs under `$ABACUS_BIN run` and `/usr/bin/python3`; stdout must
be identical, the exit status the same, and for err_*.py (which must fail in CPython) the
exception line the same. The cases build their matrices with a small LCG written in the case
(no np.random), print at np.set_printoptions(precision=6, suppress=True) where last-bit BLAS
differences could show, and check residuals (np.allclose(A @ x, b)). OPENBLAS_NUM_THREADS=1 is
set for both sides (diffharness.NUMPY), so both pick the same kernels.

Environment: ABACUS_BIN (skipped without it).
"""
from pathlib import Path

import pytest

from diffharness import NUMPY, skip_without_abacus

CASES_DIR = Path(__file__).resolve().parent / "numpy_linalg_cases"
CASES = sorted(CASES_DIR.glob("*.py"))
MIN_CASES = 40

skip_without_abacus()


def test_case_count():
    assert len(CASES) >= MIN_CASES, f"only {len(CASES)} cases in {CASES_DIR}"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case(case, tmp_path):
    NUMPY.compare(case, tmp_path, case.name.startswith("err_"))
