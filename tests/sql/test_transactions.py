"""Autocommit by default; BEGIN / START TRANSACTION, COMMIT and ROLLBACK across cells on the
same connection, checked from a second connection that must not see uncommitted rows."""
import pytest

from conftest import ok, value


@pytest.fixture(scope="module", autouse=True)
def table(kernel, server):
    ok(kernel[1], "%%%%sql --alias main %s\nDROP TABLE IF EXISTS acct;\n"
                  "CREATE TABLE acct (id INT PRIMARY KEY, bal INT) ENGINE=InnoDB;\n"
                  "INSERT INTO acct VALUES (1, 100), (2, 0)" % server.url_for("shop"))


def seen_outside(server):
    return server.sql("SELECT bal FROM acct ORDER BY id", "shop").split()


def test_autocommit_by_default(kc, server):
    ok(kc, "%sql UPDATE acct SET bal = 101 WHERE id = 1")
    assert seen_outside(server) == ["101", "0"]
    ok(kc, "%sql UPDATE acct SET bal = 100 WHERE id = 1")


def test_commit_across_cells(kc, server):
    ok(kc, "%sql BEGIN")
    ok(kc, "%sql UPDATE acct SET bal = bal - 30 WHERE id = 1")
    ok(kc, "amount = 30\n%sql UPDATE acct SET bal = bal + :amount WHERE id = 2")
    assert seen_outside(server) == ["100", "0"]
    assert value(kc, "_r = %sql SELECT bal FROM acct ORDER BY id\n_r['bal']") == "array([70, 30])"
    ok(kc, "%sql COMMIT")
    assert seen_outside(server) == ["70", "30"]


def test_rollback_across_cells(kc, server):
    ok(kc, "%sql START TRANSACTION")
    ok(kc, "%sql DELETE FROM acct")
    assert value(kc, "_r = %sql SELECT COUNT(*) AS n FROM acct\n_r[0][0]") == "0"
    ok(kc, "%sql ROLLBACK")
    assert seen_outside(server) == ["70", "30"]
    assert value(kc, "_r = %sql SELECT COUNT(*) AS n FROM acct\n_r[0][0]") == "2"


def test_second_connection_does_not_see_uncommitted_rows(kc, server):
    ok(kc, "%%sql --alias watcher %s" % server.url_for("shop"))
    ok(kc, "%sql main")
    ok(kc, "%%sql\nBEGIN;\nINSERT INTO acct VALUES (3, 5)")
    ok(kc, "%sql watcher")
    assert value(kc, "_r = %sql SELECT COUNT(*) AS n FROM acct\n_r[0][0]") == "2"
    ok(kc, "%sql main")
    ok(kc, "%sql COMMIT")
    ok(kc, "%sql watcher")
    assert value(kc, "_r = %sql SELECT COUNT(*) AS n FROM acct\n_r[0][0]") == "3"
    ok(kc, "%sql main")
    ok(kc, "%sql DELETE FROM acct WHERE id = 3")


def test_error_inside_a_transaction_keeps_it_open(kc, server):
    ok(kc, "%sql BEGIN")
    ok(kc, "%sql UPDATE acct SET bal = 0 WHERE id = 1")
    out = kc and __import__("conftest").run(kc, "%sql INSERT INTO acct VALUES (1, 1)")
    assert out.status == "error" and "1062" in out.reply["evalue"]
    assert seen_outside(server) == ["70", "30"]
    ok(kc, "%sql ROLLBACK")
    assert seen_outside(server) == ["70", "30"]
    assert value(kc, "_r = %sql SELECT bal FROM acct WHERE id = 1\n_r[0][0]") == "70"
