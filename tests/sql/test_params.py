"""`:name` binds variables through prepared statements: every scalar type, colons that are not
placeholders, values that would need quoting (they can never change a statement), and arrays
and lists inserting one row per element, in bulk or row by row."""
import pytest

from conftest import err, ok, start_kernel, stop_kernel, value


@pytest.fixture(scope="module", autouse=True)
def users(kernel):
    ok(kernel[1], """%%sql
DROP TABLE IF EXISTS users;
CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100), secret VARCHAR(20));
INSERT INTO users (name, secret) VALUES ('alice', 'a1'), ('bob', 'b2');
DROP TABLE IF EXISTS m;
CREATE TABLE m (i BIGINT, f DOUBLE, s VARCHAR(200), d DECIMAL(30,0));
""")


def test_scalars_of_every_type(kc):
    out = ok(kc, """import numpy as np
i = 7; f = 2.5; s = 'tëxt'; n = None; b = True; big = 10**25; npi = np.int32(3); npf = np.float32(0.5)
r = %sql SELECT :i AS i, :f AS f, :s AS s, :n AS n, :b AS b, :big AS big, :npi AS npi, :npf AS npf
print(r[0])""")
    assert out.stdout == "(7, 2.5, 'tëxt', None, 1, 1e+25, 3, 0.5)\n"


def test_same_name_twice_and_missing_variable(kc):
    out = ok(kc, "k = 2\nr = %sql SELECT :k + :k AS s\nprint(r[0][0])")
    assert out.stdout == "4\n"
    out = err(kc, "%sql SELECT :not_defined_anywhere", "NameError")
    assert "not_defined_anywhere" in out.reply["evalue"]


def test_placeholder_inside_expressions(kc):
    out = ok(kc, "lo = 1\nr = %sql SELECT name FROM users WHERE id>:lo ORDER BY id\nprint(r['name'])")
    assert out.stdout == "['bob']\n"


@pytest.mark.parametrize("sql, expected", [
    ("SELECT '10:30' AS t", "('10:30',)"),
    ("SELECT \"a:b\" AS t", "('a:b',)"),
    ("SELECT '{\"a\":1}' AS j", "('{\"a\":1}',)"),
    ("SELECT `x:y` FROM (SELECT 1 AS `x:y`) AS q", "(1,)"),
    ("SELECT 1 AS a -- :nope in a comment", "(1,)"),
    ("SELECT 1 AS a # :nope in a comment", "(1,)"),
    ("SELECT /* :nope */ 1 AS a", "(1,)"),
    ("SELECT 'it''s :nope' AS a", "(\"it's :nope\",)"),
    ("SELECT 'back\\\\'':nope' AS a", "(\"back\\\\':nope\",)"),
    ("SELECT TIME '10:30:00' AS t", "('10:30:00',)"),
])
def test_colons_that_are_not_placeholders(kc, sql, expected):
    ok(kc, "nope = 1")
    out = ok(kc, "r = %%sql %s\nprint(r[0])" % sql)
    assert out.stdout == expected + "\n"


def test_double_colon_and_assignment(kc):
    out = ok(kc, "v = 5\nr = %sql SELECT @a := :v AS x\nprint(r[0])")
    assert out.stdout == "(5,)\n"
    # `::` is never a placeholder (MariaDB rejects it as syntax, untouched)
    out = err(kc, "v = 5\n%sql SELECT 1::v")
    assert "1::v" in out.reply["evalue"]


@pytest.mark.parametrize("evil", [
    "' OR '1'='1",
    "'; DROP TABLE users; --",
    "alice' -- ",
    "\\'; DROP TABLE users; #",
    "1 OR 1=1",
    "a\u0000b",
])
def test_injection_cannot_change_the_statement(kc, server, evil):
    ok(kc, "evil = %r" % evil)
    out = ok(kc, "r = %sql SELECT id FROM users WHERE name = :evil\nprint(len(r))")
    assert out.stdout == "0\n"
    ok(kc, "%sql DELETE FROM users WHERE name = :evil")
    ok(kc, "r = %sql INSERT INTO users (name, secret) VALUES (:evil, 'x')")
    assert value(kc, "_q = %sql SELECT name FROM users WHERE secret = 'x'\n_q[0][0] == evil") == "True"
    ok(kc, "%sql DELETE FROM users WHERE secret = 'x'")
    assert server.sql("SELECT COUNT(*) FROM users", "shop").strip() == "2"


def test_injection_through_arrays(kc, server):
    ok(kc, "names = [\"' OR '1'='1\", \"'; DROP TABLE users; --\"]")
    out = ok(kc, "%sql INSERT INTO users (name, secret) VALUES (:names, 'y')")
    assert out.text == "2 rows affected"
    assert server.sql("SELECT name FROM users WHERE secret = 'y' ORDER BY id", "shop") == \
        "' OR '1'='1\n'; DROP TABLE users; --\n"
    ok(kc, "%sql DELETE FROM users WHERE secret = 'y'")


def test_dollar_and_braces_are_not_substituted(kc):
    out = ok(kc, "name = 'bob'\nr = %sql SELECT '$name' AS a, '{name}' AS b\nprint(r[0])")
    assert out.stdout == "('$name', '{name}')\n"


def test_arrays_insert_one_row_each(kc):
    out = ok(kc, """import numpy as np
ints = np.arange(5)
floats = np.array([0.5, 1.5, np.nan, 3.5, 4.5])
strs = ['a', None, 'c', "d'd", 'e']
decs = [1, 2, 3, None, 10**20]
%sql DELETE FROM m
%sql INSERT INTO m (i, f, s, d) VALUES (:ints, :floats, :strs, :decs)""")
    assert out.text == "5 rows affected"
    ok(kc, "r = %sql SELECT * FROM m ORDER BY i")
    assert value(kc, "r['i']") == "array([0, 1, 2, 3, 4])"
    assert value(kc, "r['f']") == "array([0.5, 1.5, nan, 3.5, 4.5])"
    assert value(kc, "r['s']") == "['a', None, 'c', \"d'd\", 'e']"
    assert value(kc, "r['d']") == "array([1.e+00, 2.e+00, 3.e+00,    nan, 1.e+20])"


def test_scalars_repeat_along_arrays(kc):
    ok(kc, "%sql DELETE FROM m")
    out = ok(kc, "ids = [1, 2, 3]\ntag = 'same'\n%sql INSERT INTO m (i, s) VALUES (:ids, :tag)")
    assert out.text == "3 rows affected"
    assert value(kc, "_q = %sql SELECT COUNT(*) AS n FROM m WHERE s = 'same'\n_q[0][0]") == "3"


def test_array_update_and_delete(kc):
    ok(kc, "%sql DELETE FROM m\nids = [1, 2, 3]\n%sql INSERT INTO m (i) VALUES (:ids)")
    out = ok(kc, "ids = [1, 3]\nnew = ['one', 'three']\n%sql UPDATE m SET s = :new WHERE i = :ids")
    assert out.text == "2 rows affected"
    out = ok(kc, "gone = np.array([1, 2])\n%sql DELETE FROM m WHERE i = :gone")
    assert out.text == "2 rows affected"
    assert value(kc, "_q = %sql SELECT i, s FROM m\n_q[0]") == "(3, 'three')"


def test_array_binding_rules(kc):
    out = err(kc, "a = [1, 2]\nb = [1, 2, 3]\n%sql INSERT INTO m (i, f) VALUES (:a, :b)", "ValueError")
    assert "differ in length" in out.reply["evalue"]
    out = err(kc, "a = [1, 2]\n%sql SELECT :a", "TypeError")
    assert "INSERT" in out.reply["evalue"]
    out = err(kc, "a = np.zeros((2, 2))\n%sql INSERT INTO m (f) VALUES (:a)", "ValueError")
    assert "1-d" in out.reply["evalue"]
    out = err(kc, "a = {'x': 1}\n%sql SELECT :a", "TypeError")
    assert "dict" in out.reply["evalue"]
    out = ok(kc, "a = []\n%sql INSERT INTO m (i) VALUES (:a)")
    assert out.text == "0 rows affected"


def test_bulk_insert_of_many_rows(kc):
    out = ok(kc, """%sql DELETE FROM m
n = 100000
ints = np.arange(n)
floats = np.arange(n) * 0.5
strs = [str(k) for k in range(n)]
%sql INSERT INTO m (i, f, s) VALUES (:ints, :floats, :strs)""", timeout=120)
    assert out.text == "100000 rows affected"
    out = ok(kc, "r = %sql SELECT SUM(i) AS a, SUM(f) AS b, SUM(CAST(s AS INTEGER)) AS c FROM m\nprint(r[0])")
    assert out.stdout == "(4999950000.0, 2499975000.0, 4999950000.0)\n"


def test_row_by_row_when_bulk_is_unavailable(kernel_dir, server):
    km, kc = start_kernel(kernel_dir, {"ABACUS_SQL_URL": server.url_for("shop"),
                                       "ABACUS_SQL_NO_BULK": "1"})
    try:
        ok(kc, "%sql CREATE TABLE IF NOT EXISTS rowwise (i INT, s VARCHAR(10))\n%sql DELETE FROM rowwise")
        out = ok(kc, "import numpy as np\na = np.array([1, 2, 3])\ns = ['x', None, 'z']\n"
                     "%sql INSERT INTO rowwise VALUES (:a, :s)")
        assert out.text == "3 rows affected"
        assert value(kc, "_q = %sql SELECT * FROM rowwise ORDER BY i\n_q[:]") == \
            "[(1, 'x'), (2, None), (3, 'z')]"
    finally:
        stop_kernel(km, kc)
