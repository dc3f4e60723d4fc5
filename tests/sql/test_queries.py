"""%sql and %%sql against the server: several statements, each result shown, the last one the
value; keeping results; tables as text and HTML; result sets as values; typed columns and NULL
of every type."""
import re

import pytest

from conftest import err, ok, run, value


@pytest.fixture(scope="module", autouse=True)
def products(kernel, server):
    kc = kernel[1]
    ok(kc, """%%sql
DROP TABLE IF EXISTS products;
CREATE TABLE products (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL UNIQUE,
                       price DECIMAL(10,2), stock INT, added TIMESTAMP DEFAULT CURRENT_TIMESTAMP);
INSERT INTO products (name, price, stock) VALUES ('pen', 1.50, 100), ('ink', 7.25, 12), ('pad', 3.00, 40);
""")


def test_issue_example(kc):
    out = ok(kc, """limit = 5
rows = %sql SELECT name, price FROM products WHERE price > :limit
prices = rows['price']
print(type(prices).__name__, prices.dtype, prices, len(rows), rows[0])""")
    assert out.stdout == "ndarray float64 [7.25] 1 ('ink', 7.25)\n"


def test_line_magic_shows_a_table(kc):
    out = ok(kc, "%sql SELECT id, name, price, stock FROM products ORDER BY id")
    lines = out.text.split("\n")
    assert lines[:3] == ["+----+------+-------+-------+",
                         "| id | name | price | stock |",
                         "+----+------+-------+-------+"]
    assert lines[3] == "|  1 | pen  |  1.50 |   100 |"
    assert lines[5] == "|  3 | pad  |  3.00 |    40 |"
    assert re.fullmatch(r"3 rows in set \(\d+\.\d{3} sec\)", lines[-1])
    assert "<table>" in out.html and "<th>price</th>" in out.html
    assert "<td>pen</td>" in out.html


def test_cell_with_several_statements_shows_each(kc):
    out = ok(kc, """%%sql
SELECT 1 AS a;
SELECT 2 AS b;
UPDATE products SET stock = stock WHERE id < 0;
SELECT 3 AS c
""")
    assert len(out.displays) == 3
    assert "| a |" in out.displays[0]["text/plain"]
    assert "| b |" in out.displays[1]["text/plain"]
    assert out.displays[2]["text/plain"] == "0 rows affected"
    assert "| c |" in out.text


def test_line_magic_with_several_statements(kc):
    out = ok(kc, "%sql SELECT 1 AS one; SELECT 2 AS two")
    assert len(out.displays) == 1 and "one" in out.displays[0]["text/plain"]
    assert "two" in out.text


def test_rows_affected(kc):
    out = ok(kc, "%sql UPDATE products SET stock = stock + 1")
    assert out.text == "3 rows affected"
    out = ok(kc, "%sql UPDATE products SET stock = stock - 1 WHERE id = 1")
    assert out.text == "1 row affected"
    ok(kc, "%sql UPDATE products SET stock = stock - 1 WHERE id > 1")
    out = ok(kc, "r = %sql INSERT INTO products (name) VALUES ('tmp')\nprint(r.rowcount, r.lastrowid > 3)")
    assert out.stdout == "1 True\n"
    assert ok(kc, "%sql DELETE FROM products WHERE name = 'tmp'").text == "1 row affected"


def test_assignment_keeps_the_result(kc):
    out = ok(kc, "x = %sql SELECT name FROM products ORDER BY id\nprint(len(x), x.columns)")
    assert out.stdout == "3 ['name']\n" and out.result is None


def test_cell_magic_into_variable(kc):
    out = ok(kc, """%%sql inv <<
SELECT 1 AS a;
SELECT name, stock FROM products ORDER BY stock
""")
    assert out.result is None
    assert len(out.displays) == 1
    assert value(kc, "inv['name']") == "['ink', 'pad', 'pen']"
    assert value(kc, "inv['stock']") == "array([ 12,  40, 100])"


def test_line_magic_into_variable_with_arrow(kc):
    ok(kc, "%sql few << SELECT id FROM products WHERE id <= 2")
    assert value(kc, "len(few)") == "2"


def test_result_set_api(kc):
    ok(kc, "rs = %sql SELECT id, name, price, stock FROM products ORDER BY id")
    assert value(kc, "len(rs)") == "3"
    assert value(kc, "rs[0]") == "(1, 'pen', 1.5, 100)"
    assert value(kc, "rs[-1]") == "(3, 'pad', 3.0, 40)"
    assert value(kc, "rs[1:]") == "[(2, 'ink', 7.25, 12), (3, 'pad', 3.0, 40)]"
    assert value(kc, "rs.columns") == "['id', 'name', 'price', 'stock']"
    assert value(kc, "rs['id']") == "array([1, 2, 3])"
    assert value(kc, "rs['id'].dtype") == "dtype('int64')"
    assert value(kc, "rs['price']") == "array([1.5 , 7.25, 3.  ])"
    assert value(kc, "rs.dicts()[1]") == "{'id': 2, 'name': 'ink', 'price': 7.25, 'stock': 12}"
    assert value(kc, "[r[1] for r in rs]") == "['pen', 'ink', 'pad']"
    assert value(kc, "rs['price'].sum()") == "11.75"
    assert value(kc, "rs.rowcount") == "3"
    assert value(kc, "rs.elapsed >= 0") == "True"
    out = ok(kc, "n = %sql SELECT price, stock FROM products ORDER BY id\nprint(n.to_array())")
    assert out.stdout == "[[  1.5  100.  ]\n [  7.25  12.  ]\n [  3.    40.  ]]\n"
    out = ok(kc, "n = %sql SELECT id, stock FROM products ORDER BY id\nprint(n.to_array().dtype)")
    assert out.stdout == "int64\n"
    out = err(kc, "rs.to_array()", "TypeError")
    assert "name" in out.reply["evalue"]
    err(kc, "rs[3]", "IndexError")
    out = err(kc, "rs['nope']", "KeyError")
    assert out.reply["evalue"] == "'nope'"


def test_numpy_on_columns(kc):
    out = ok(kc, """import numpy as np
rs = %sql SELECT price, stock FROM products
print(np.mean(rs['price']), rs['stock'].max(), (rs['price'] * rs['stock']).sum())""")
    assert out.stdout == "3.9166666666666665 100 357.0\n"


def test_nulls_of_every_type(kc):
    ok(kc, """%%sql
DROP TABLE IF EXISTS nulls;
CREATE TABLE nulls (ti TINYINT, si SMALLINT, mi MEDIUMINT, i INT, bi BIGINT, ub BIGINT UNSIGNED,
  yr YEAR, bt BIT(8), fl FLOAT, db DOUBLE, dc DECIMAL(8,3), ch CHAR(3), vc VARCHAR(10),
  tx TEXT, bl BLOB, en ENUM('a','b'), st SET('x','y'), dt DATE, tm TIME, dtm DATETIME,
  ts TIMESTAMP NULL, js JSON);
INSERT INTO nulls VALUES (1, 2, 3, 4, 5, 6, 2024, b'101', 1.5, 2.5, 3.125, 'abc', 'vc', 'tx',
  'bl', 'b', 'x,y', '2024-01-02', '10:30:01', '2024-01-02 03:04:05', '2024-01-02 03:04:05',
  '{"a": 1}');
INSERT INTO nulls VALUES (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
""")
    ok(kc, "z = %sql SELECT * FROM nulls")
    assert value(kc, "z[0]") == ("(1, 2, 3, 4, 5, 6, 2024, 5, 1.5, 2.5, 3.125, 'abc', 'vc', 'tx', "
                                 "'bl', 'b', 'x,y', '2024-01-02', '10:30:01', "
                                 "'2024-01-02T03:04:05', '2024-01-02T03:04:05', '{\"a\": 1}')")
    assert value(kc, "z[1]") == "(" + ", ".join(["None"] * 22) + ")"
    for col in ("ti", "si", "mi", "i", "bi", "ub", "yr", "bt"):
        assert value(kc, "z['%s'].dtype" % col) == "dtype('int64')", col
        assert value(kc, "z.mask('%s')" % col) == "array([False,  True])", col
    assert value(kc, "z['i']") == "array([4, 0])"
    for col in ("fl", "db", "dc"):
        assert value(kc, "z['%s'].dtype" % col) == "dtype('float64')", col
        assert value(kc, "np.isnan(z['%s'])" % col) == "array([False,  True])", col
    for col in ("ch", "vc", "tx", "bl", "en", "st", "dt", "tm", "dtm", "ts", "js"):
        assert value(kc, "z['%s'][1]" % col) == "None", col
        assert value(kc, "z.mask('%s')" % col) == "array([False,  True])", col
    assert value(kc, "z['dt']") == "['2024-01-02', None]"
    assert value(kc, "z.dicts()[1]['dc']") == "None"
    table = ok(kc, "%sql SELECT i, dc, vc FROM nulls").text
    assert "| NULL |  NULL | NULL |" in table
    # the same through a prepared statement with a parameter, and through the text protocol
    # (a CALL's rows arrive as text; queries go through the binary protocol)
    ok(kc, "one = 1\nzp = %sql SELECT * FROM nulls WHERE 1 = :one")
    assert value(kc, "zp[0] == z[0] and zp[1] == z[1]") == "True"
    assert value(kc, "zp.mask('bi')") == "array([False,  True])"
    ok(kc, "%sql DROP PROCEDURE IF EXISTS all_nulls\n%sql CREATE PROCEDURE all_nulls() SELECT * FROM nulls")
    ok(kc, "zt = %sql CALL all_nulls()")
    assert value(kc, "zt[0] == z[0] and zt[1] == z[1]") == "True"
    assert value(kc, "[zt.mask(c).tolist() == z.mask(c).tolist() for c in z.columns].count(True)") == "22"


def test_temporal_and_text_values(kc):
    out = ok(kc, """r = %sql SELECT DATE '2024-02-29' AS d, TIME '-838:59:59' AS t, TIMESTAMP '2024-02-29 23:59:59.250' AS ts, 'héllo ✓' AS s, CAST(12.5 AS DECIMAL(6,1)) AS dc
print(r[0])""")
    assert out.stdout == "('2024-02-29', '-838:59:59', '2024-02-29T23:59:59.250', 'héllo ✓', 12.5)\n"


def test_long_text_and_float_columns(kc):
    ok(kc, """%%sql
DROP TABLE IF EXISTS longs;
CREATE TABLE longs (t MEDIUMTEXT, f FLOAT);
INSERT INTO longs VALUES (REPEAT('é', 70000), 0.1), ('short', 3.4028e38)""")
    for how in ("r = %sql SELECT t, f FROM longs", "one = 1\nr = %sql SELECT t, f FROM longs WHERE :one",
                "%sql DROP PROCEDURE IF EXISTS lp\n%sql CREATE PROCEDURE lp() SELECT t, f FROM longs"
                "\nr = %sql CALL lp()"):
        out = ok(kc, how + "\nprint(len(r['t'][0]), r['t'][0][:2], r['t'][1], r['f'])")
        assert out.stdout == "70000 éé short [1.0000e-01 3.4028e+38]\n", how


def test_binary_data_is_never_invalid_utf8(kc):
    out = ok(kc, "r = %sql SELECT UNHEX('FF41C3') AS b\nprint(len(r[0][0]), r[0][0][1])")
    assert out.stdout == "3 A\n"


def test_html_is_escaped(kc):
    out = ok(kc, """%sql SELECT '<script>alert("x")</script>' AS `<b>c&d</b>`""")
    html = out.html
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<th>&lt;b&gt;c&amp;d&lt;/b&gt;</th>" in html


def test_displaylimit_truncates_with_footer(kc):
    out = ok(kc, "%sql SELECT seq FROM seq_1_to_25")
    lines = out.text.split("\n")
    assert lines[-2] == "Truncated to displaylimit of 10 rows; 25 rows total"
    assert lines[-1].startswith("25 rows in set (")
    assert sum(1 for l in lines if l.startswith("|")) == 11  # header + 10 rows
    assert out.html.count("<tr>") == 11 and "25 rows total" in out.html
    ok(kc, "%sql --displaylimit 3")
    out = ok(kc, "%sql SELECT seq FROM seq_1_to_25")
    assert sum(1 for l in out.text.split("\n") if l.startswith("|")) == 4
    ok(kc, "%sql --displaylimit 0")
    out = ok(kc, "%sql SELECT seq FROM seq_1_to_25")
    assert "Truncated" not in out.text and out.text.count("\n|") == 26
    ok(kc, "%sql --displaylimit 10")
    assert value(kc, "len(_)") == "25"


def test_empty_result_and_statement_without_rows(kc):
    out = ok(kc, "%sql SELECT * FROM products WHERE id < 0")
    assert "| id " in out.text and re.search(r"\n0 rows in set", out.text)
    assert value(kc, "len(_)") == "0"
    out = ok(kc, "%sql SET @x = 1")
    assert out.text == "0 rows affected"


def test_comments_and_empty_statements(kc):
    out = ok(kc, """%%sql
-- a comment first
SELECT 1 AS a; ;
/* a block; with a semicolon */
SELECT ';' AS semi, "a;b" AS dq, `weird;name`.x FROM (SELECT 1 AS x) AS `weird;name`; -- trailing
# hash comment
""")
    assert len(out.displays) == 1
    assert "| ;    | a;b | 1 |" in out.text


def test_use_and_show(kc):
    out = ok(kc, "%sql SHOW TABLES")
    assert "products" in out.text
    out = ok(kc, "%sql USE other\nt = %sql SELECT DATABASE() AS db\n%sql USE shop\nprint(t[0][0])")
    assert out.stdout == "other\n"


def test_call_with_result_keeps_connection_in_sync(kc):
    ok(kc, """%%sql
DROP PROCEDURE IF EXISTS two;
CREATE PROCEDURE two() SELECT 2 AS two
""")
    out = ok(kc, "%sql CALL two()")
    assert "| two |" in out.text
    assert "| 1 |" in ok(kc, "%sql SELECT 1").text.replace("| 1 |\n+", "| 1 |\n+")


def test_magic_without_sql_does_nothing(kc):
    out = ok(kc, "%sql")
    assert out.result is None and out.stdout == ""
    out = ok(kc, "%%sql\n-- nothing\n")
    assert out.result is None


def test_unknown_option(kc):
    out = err(kc, "%sql --bogus", "ValueError")
    assert "--bogus" in out.reply["evalue"]
