"""Faults: an interrupt cancels a running statement (KILL QUERY through a second connection)
and leaves the connection usable; a server killed and restarted gives a clear error naming the
URL (password masked) and a reconnect on the next use. These tests own a second server."""
import threading
import time

import pytest

from conftest import Server, err, iopub_until_idle, ok, run, shell_reply, value

PASSWORD = "fault-Pw-9"


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("faultdb")).start()
    srv.sql("CREATE DATABASE f; CREATE USER 'app'@'%%' IDENTIFIED BY '%s'; "
            "GRANT ALL ON *.* TO 'app'@'%%';" % PASSWORD)
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def url(own_server):
    return own_server.url_for("f", user="app", password=PASSWORD, tcp=True)


@pytest.fixture(scope="module")
def masked(url):
    return url.replace(PASSWORD, "***")


@pytest.fixture
def conn(kc, url):
    ok(kc, "%%sql --alias f %s" % url)
    return kc


def wait_started(kc, msg_id):
    while True:
        msg = kc.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            return


def interrupt_during(kernel, code, delay=0.7):
    km, kc = kernel
    msg_id = kc.execute(code)
    wait_started(kc, msg_id)
    time.sleep(delay)
    t0 = time.monotonic()
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id, timeout=20)
    iopub_until_idle(kc, msg_id)
    return reply["content"], time.monotonic() - t0


def connection_id(kc):
    return value(kc, "_r = %sql SELECT CONNECTION_ID() AS c\n_r[0][0]")


@pytest.mark.parametrize("code", [
    "%sql SELECT SLEEP(30)",
    "t = 30\n%sql SELECT SLEEP(:t)",
    "%%sql\nSELECT 1;\nSELECT SLEEP(30);\nSELECT 2",
])
def test_interrupt_cancels_the_query(kernel, conn, own_server, code):
    kc = conn
    before = connection_id(kc)
    reply, took = interrupt_during(kernel, code)
    assert reply["status"] == "error" and reply["ename"] == "KeyboardInterrupt"
    assert took < 5
    assert connection_id(kc) == before
    assert ok(kc, "%sql SELECT 7 AS seven").text.count("7") >= 1
    running = own_server.sql("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                             "WHERE INFO LIKE 'SELECT SLEEP%'")
    assert running.strip() == "0"


def test_interrupt_during_a_long_fetch(kernel, conn):
    kc = conn
    before = connection_id(kc)
    reply, took = interrupt_during(
        kernel, "%sql SELECT a.seq, b.seq FROM seq_1_to_100000 a, seq_1_to_100000 b", delay=1.0)
    assert reply["ename"] == "KeyboardInterrupt" and took < 5
    assert connection_id(kc) == before
    assert value(kc, "_r = %sql SELECT COUNT(*) AS n FROM seq_1_to_10\n_r[0][0]") == "10"


def test_variables_survive_an_interrupt(kernel, conn):
    kc = conn
    ok(kc, "keep = 41")
    interrupt_during(kernel, "keep = 42\n%sql SELECT SLEEP(30)\nkeep = 43")
    assert value(kc, "keep") == "42"


def test_server_killed_between_cells_and_restarted(conn, own_server, masked):
    kc = conn
    ok(kc, "%sql CREATE TABLE IF NOT EXISTS t (i INT)\n%sql INSERT INTO t VALUES (1)")
    own_server.kill()
    out = err(kc, "%sql SELECT COUNT(*) FROM t")
    assert masked in out.reply["evalue"] and PASSWORD not in out.everything()
    assert "cannot connect" in out.reply["evalue"]
    out = err(kc, "%sql SELECT 1")  # still down: the same clear error
    assert masked in out.reply["evalue"]
    own_server.start()
    assert value(kc, "_r = %sql SELECT COUNT(*) AS n FROM t\n_r[0][0]") >= "1"
    assert "[disconnected]" not in ok(kc, "%sql --connections").stdout


def test_server_killed_during_a_query(kc, conn, own_server, masked):
    msg_id = kc.execute("%sql SELECT SLEEP(20)")
    wait_started(kc, msg_id)
    time.sleep(0.7)
    own_server.kill()
    reply = shell_reply(kc, msg_id, timeout=20)["content"]
    iopub_until_idle(kc, msg_id)
    assert reply["status"] == "error" and reply["ename"] == "SQLError"
    assert "lost the connection to " + masked in reply["evalue"]
    assert "2013" in reply["evalue"] or "2006" in reply["evalue"]
    assert "[disconnected]" in ok(kc, "%sql --connections").stdout
    own_server.start()
    assert value(kc, "_r = %sql SELECT 5 AS five\n_r[0][0]") == "5"


def test_server_restarted_during_a_transaction(conn, own_server, masked):
    kc = conn
    ok(kc, "%sql CREATE TABLE IF NOT EXISTS tx (i INT) ENGINE=InnoDB\n%sql DELETE FROM tx")
    ok(kc, "%sql BEGIN\n%sql INSERT INTO tx VALUES (1)")
    own_server.stop()
    own_server.start()
    out = err(kc, "%sql COMMIT")
    assert "transaction" in out.reply["evalue"] and masked in out.reply["evalue"]
    assert value(kc, "_r = %sql SELECT COUNT(*) AS n FROM tx\n_r[0][0]") == "0"


def test_server_restarted_between_cells_reconnects_quietly(conn, own_server):
    kc = conn
    own_server.stop()
    own_server.start()
    assert value(kc, "_r = %sql SELECT 1 AS one\n_r[0][0]") == "1"


def test_other_cells_unaffected_while_server_is_down(conn, own_server):
    kc = conn
    own_server.kill()
    try:
        err(kc, "%sql SELECT 1")
        assert value(kc, "sum(range(10))") == "45"
    finally:
        own_server.start()
