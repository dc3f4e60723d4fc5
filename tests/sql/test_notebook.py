"""notebooks/sql-tour.ipynb executed by `jupyter nbconvert --execute` on the Abacus kernel
against the suite's server (ABACUS_SQL_URL), and its outputs checked."""
import os
import subprocess

import nbformat
import pytest

from conftest import SOURCE, abacus_bin


@pytest.fixture(scope="module")
def executed(server, tmp_path_factory):
    root = tmp_path_factory.mktemp("nbjupyter")
    subprocess.run([abacus_bin(), "install", "--prefix", str(root)], check=True,
                   capture_output=True)
    env = dict(os.environ)
    env["JUPYTER_PATH"] = str(root / "share" / "jupyter")
    env["JUPYTER_DATA_DIR"] = str(root / "data")
    env["ABACUS_SQL_URL"] = server.url
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    out = tmp_path_factory.mktemp("nbout")
    subprocess.run(["jupyter", "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.kernel_name=abacus",
                    "--ExecutePreprocessor.timeout=120", "--output-dir", str(out),
                    os.path.join(SOURCE, "notebooks", "sql-tour.ipynb")],
                   check=True, env=env, capture_output=True, timeout=300)
    nb = nbformat.read(str(out / "sql-tour.ipynb"), as_version=4)
    return [c for c in nb.cells if c.cell_type == "code"], server


def texts(cell):
    parts = []
    for o in cell.outputs:
        if o.output_type == "stream":
            parts.append(o.text)
        elif o.output_type in ("execute_result", "display_data"):
            parts.append(o.data.get("text/plain", ""))
        elif o.output_type == "error":
            parts.append("%s: %s" % (o.ename, o.evalue))
    return parts


def find(code, start):
    return next(c for c in code if c.source.startswith(start))


def test_runs_without_errors(executed):
    code, _ = executed
    assert all(c.execution_count == i + 1 for i, c in enumerate(code))
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors, errors


def test_connection_listed_from_the_environment(executed):
    code, server = executed
    assert texts(code[0]) == ["* %s\n" % server.url]


def test_each_statement_of_the_create_cell_is_shown(executed):
    code, _ = executed
    out = texts(find(code, "%%sql\nCREATE DATABASE"))
    assert len(out) == 8 and all(t.endswith("rows affected") or t.endswith("row affected")
                                 for t in out)


def test_inserts_select_and_binding(executed):
    code, _ = executed
    assert texts(find(code, "import numpy as np\nnames")) == ["4 rows affected"]
    assert texts(find(code, "people =")) == ["4 rows affected"]
    table = texts(find(code, "limit = 2"))[0]
    assert table.split("\n")[3:7] == ["| ruler   |  2.40 |    30 |", "| pad     |  3.00 |    40 |",
                                      "| ink     |  7.25 |    12 |", "| stapler | 11.90 |  NULL |"]
    assert texts(find(code, "tricky =")) == ["0"]


def test_update_delete_aggregate_join(executed):
    code, _ = executed
    assert texts(find(code, "%sql UPDATE")) == ["2 rows affected"]
    assert texts(find(code, "%sql DELETE")) == ["1 row affected"]
    agg = texts(find(code, "%%sql\nSELECT COUNT(*)"))[0]
    assert "|        6 |   497 | 644.00 |" in agg
    assert find(code, "%%sql per_user <<").outputs == []
    joined = texts(find(code, "per_user"))[0]
    assert joined.split("\n")[5] == "| O'Neil | ?         |    20 | 16.00 |"


def test_arrays_and_statistics(executed):
    code, _ = executed
    assert texts(find(code, "stock = %sql")) == [
        "float64 int64\nmean price   2.575\nstd of price 2.261\nstock value  644.0\npriciest     ink\n"]
    assert texts(find(code, "spent =")) == [
        "Ada      29.50  42.8%\nGrace    19.50  28.3%\nO'Neil   16.00  23.2%\nEdsger    3.90   5.7%\n"]
    assert texts(find(code, "nums =")) == [
        "array([[ 1.5 , 95.  ],\n       [ 7.25, 12.  ],\n       [ 3.  , 35.  ]])"]
    assert texts(find(code, "stock.dicts()"))[0] == "{'name': 'pen', 'price': 1.5, 'stock': 95}"


def test_transaction_and_error(executed):
    code, server = executed
    assert "|             0 |" in texts(find(code, "%sql SELECT COUNT(*) AS orders_inside"))[0]
    assert "|                     7 |" in texts(find(code, "%sql ROLLBACK"))[0]
    assert texts(find(code, "try:")) == [
        "1062 Duplicate entry 'pen' for key 'name'\n"
        "INSERT INTO products (name, price) VALUES ('pen', 9.99)\n"]
    assert server.sql("SELECT COUNT(*) FROM orders", "inventory").strip() == "7"
