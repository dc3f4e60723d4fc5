"""Executes every notebook in notebooks/ with `jupyter nbconvert --execute` on the Abacus
kernel (installed into a temporary JUPYTER_PATH) and checks the outputs it produced."""
import json
import os
import subprocess
import sys

import nbformat
import pytest

SOURCE = os.environ.get("ABACUS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
NOTEBOOKS = os.path.join(SOURCE, "notebooks")


@pytest.fixture(scope="module")
def jupyter_env(tmp_path_factory):
    binary = os.environ.get("ABACUS_BIN") or os.path.join(SOURCE, "build", "abacus")
    if not os.access(binary, os.X_OK):
        pytest.skip("build/abacus is missing: set ABACUS_BIN")
    root = tmp_path_factory.mktemp("jupyter")
    subprocess.run([binary, "install", "--prefix", str(root)], check=True, capture_output=True)
    env = dict(os.environ)
    env["JUPYTER_PATH"] = str(root / "share" / "jupyter")
    env["JUPYTER_DATA_DIR"] = str(root / "data")
    return env


def execute(name, env, tmp_path):
    src = os.path.join(NOTEBOOKS, name)
    subprocess.run(["jupyter", "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.kernel_name=abacus",
                    "--ExecutePreprocessor.timeout=120",
                    "--output-dir", str(tmp_path), src],
                   check=True, env=env, capture_output=True, timeout=300)
    return nbformat.read(os.path.join(tmp_path, name), as_version=4)


def text_of(cell):
    parts = []
    for out in cell.outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("execute_result", "display_data"):
            parts.append(out.data.get("text/plain", ""))
        elif out.output_type == "error":
            parts.append("%s: %s" % (out.ename, out.evalue))
    return "".join(parts)


def test_tour_notebook_outputs(jupyter_env, tmp_path):
    nb = execute("tour.ipynb", jupyter_env, tmp_path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count == i + 1 for i, c in enumerate(code))
    assert not any(o.output_type == "error" for c in code for o in c.outputs)
    texts = [text_of(c) for c in code]
    assert texts[0] == "the answer is 42\n"
    assert texts[1] == "[2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47]"
    assert texts[2] == "[0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]"
    assert texts[3] == "1267650600228229401496703205376"
    assert texts[4] == "pen      1.50\npad      3.00\nink      7.25\n"
    assert texts[5] == "no such item: 'quill'\n"
    assert texts[6] == "'11.750'"
    results = [o for c in code for o in c.outputs if o.output_type == "execute_result"]
    assert [r.execution_count for r in results] == [2, 3, 4, 7]


# sql-tour.ipynb needs a MariaDB server: tests/sql/test_notebook.py runs it against one.
@pytest.mark.parametrize("name", sorted(n for n in os.listdir(NOTEBOOKS)
                                        if n.endswith(".ipynb") and n != "sql-tour.ipynb"))
def test_every_notebook_runs_without_errors(jupyter_env, tmp_path, name):
    nb = execute(name, jupyter_env, tmp_path)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert not errors, errors
