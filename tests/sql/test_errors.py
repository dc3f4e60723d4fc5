"""Bad input: SQLError with MySQL's code, SQLSTATE, message and the failing statement; a cell
stops at the first failing statement and says which; nothing else is disturbed."""
import pytest

from conftest import err, ok, value


@pytest.fixture(scope="module", autouse=True)
def table(kernel):
    ok(kernel[1], """%%sql
DROP TABLE IF EXISTS items;
CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(10) NOT NULL UNIQUE, qty INT CHECK (qty >= 0));
INSERT INTO items VALUES (1, 'a', 1);
""")


def caught(kc, code):
    """The SQLError's attributes, caught in the cell."""
    return value(kc, "_e = None\ntry:\n    %s\nexcept SQLError as e:\n    _e = e\n"
                     "(_e.errno, _e.sqlstate, _e.msg, _e.statement)" % code)


@pytest.mark.parametrize("sql, errno, state, words", [
    ("SELEKT 1", 1064, "42000", "SQL syntax"),
    ("SELECT * FROM no_such_table", 1146, "42S02", "doesn't exist"),
    ("SELECT nope FROM items", 1054, "42S22", "Unknown column"),
    ("INSERT INTO items VALUES (1, 'b', 1)", 1062, "23000", "Duplicate entry"),
    ("INSERT INTO items VALUES (2, NULL, 1)", 1048, "23000", "cannot be null"),
    ("INSERT INTO items VALUES (3, 'c', -1)", 4025, "23000", "CONSTRAINT"),
    ("INSERT INTO items VALUES (4, 'much too long a name', 1)", 1406, "22001", "Data too long"),
])
def test_server_errors(kc, sql, errno, state, words):
    out = err(kc, "%sql " + sql)
    evalue = out.reply["evalue"]
    assert evalue.startswith("ERROR %d (%s): " % (errno, state)), evalue
    assert words in evalue
    assert "in statement: " + sql in evalue
    r = caught(kc, "%sql " + sql)
    assert r.startswith("(%d, '%s', " % (errno, state)) and r.endswith(", %r)" % sql)


def test_prepared_statement_errors(kc):
    ok(kc, "k = 1")
    out = err(kc, "%sql INSERT INTO items VALUES (:k, 'z', 1)")
    assert out.reply["evalue"].startswith("ERROR 1062 (23000)")
    out = err(kc, "%sql SELEKT :k")
    assert "1064" in out.reply["evalue"]


def test_cell_stops_at_the_failing_statement(kc, server):
    out = err(kc, """%%sql
INSERT INTO items VALUES (10, 'ten', 1);
SELECT * FROM missing_table;
INSERT INTO items VALUES (11, 'eleven', 1)
""")
    assert "in statement 2 of 3: SELECT * FROM missing_table" in out.reply["evalue"]
    assert len(out.displays) == 1 and out.displays[0]["text/plain"] == "1 row affected"
    assert server.sql("SELECT id FROM items WHERE id >= 10", "shop") == "10\n"
    assert caught(kc, "%sql SELECT 1; SELECT nope") .endswith("'SELECT nope')")
    assert value(kc, "_e.index") == "1"


def test_long_statements_are_shortened_in_the_message(kc):
    long_sql = "SELECT " + " + ".join(["1"] * 200) + " FROM nowhere"
    out = err(kc, "%sql " + long_sql)
    assert out.reply["evalue"].endswith("...")
    assert value(kc, "_e = None\ntry:\n    %%sql %s\nexcept SQLError as e:\n    _e = e\n"
                     "len(_e.statement)" % long_sql) == str(len(long_sql))


def test_sqlerror_is_an_exception_and_cells_carry_on(kc):
    out = ok(kc, "try:\n    %sql SELECT * FROM nope\nexcept Exception as e:\n    print(type(e).__name__)")
    assert out.stdout == "SQLError\n"
    assert value(kc, "_r = %sql SELECT COUNT(*) AS n FROM items\n_r[0][0] >= 1") == "True"


def test_error_traceback_names_the_cell_line(kc):
    out = err(kc, "x = 1\n%sql SELECT * FROM nope")
    tb = "\n".join(out.reply["traceback"])
    assert "SQLError" in tb and "nope" in tb
