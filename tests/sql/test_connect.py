"""Connections: URLs over the socket and TCP, aliases and switching, --connections and
--close, passwords from the URL (masked everywhere), the environment and option files."""
import pytest

from conftest import err, ok, start_kernel, stop_kernel, value

PASSWORD = "s3cr3t-Pw"


@pytest.fixture(scope="module", autouse=True)
def app_user(server):
    server.sql("""CREATE USER IF NOT EXISTS 'app'@'localhost' IDENTIFIED BY '%s';
CREATE USER IF NOT EXISTS 'app'@'127.0.0.1' IDENTIFIED BY '%s';
GRANT ALL ON shop.* TO 'app'@'localhost'; GRANT ALL ON shop.* TO 'app'@'127.0.0.1';
GRANT ALL ON other.* TO 'app'@'localhost';""" % (PASSWORD, PASSWORD))


@pytest.fixture
def fresh(kernel_dir, server):
    """A kernel without ABACUS_SQL_URL."""
    started = []

    def make(env=None):
        km, kc = start_kernel(kernel_dir, env)
        started.append((km, kc))
        return kc
    yield make
    for km, kc in started:
        stop_kernel(km, kc)


def db_of(kc):
    """(database, user, tcp or socket) of the current connection."""
    return value(kc, "_r = %sql SELECT DATABASE() AS d, CURRENT_USER() AS u, IF(HOST LIKE '%:%', "
                     "'tcp', 'socket') AS via FROM information_schema.PROCESSLIST WHERE "
                     "ID = CONNECTION_ID()\n_r[0]")


def test_no_connection_yet(fresh):
    kc = fresh()
    out = err(kc, "%sql SELECT 1")
    assert "no connection" in out.reply["evalue"]
    assert ok(kc, "%sql --connections").stdout == "No connections.\n"


def test_socket_and_tcp_urls(fresh, server):
    kc = fresh()
    ok(kc, "%%sql %s" % server.url_for("shop"))
    assert db_of(kc) == "('shop', 'root@localhost', 'socket')"
    ok(kc, "%%sql %s" % server.url_for("other", tcp=True))
    assert db_of(kc) == "('other', 'root@localhost', 'tcp')"
    out = ok(kc, "%sql --connections")
    lines = out.stdout.splitlines()
    assert lines == ["  " + server.url_for("shop"), "* " + server.url_for("other", tcp=True)]


def test_url_then_statement_on_one_line(fresh, server):
    kc = fresh()
    out = ok(kc, "%%sql %s SELECT 41 + 1 AS answer" % server.url_for("shop"))
    assert "| 42 |" in out.text.replace("|     42 |", "| 42 |")


def test_aliases_switching_and_close(fresh, server):
    kc = fresh()
    ok(kc, "%%sql --alias a %s" % server.url_for("shop"))
    ok(kc, "%%sql -A b %s" % server.url_for("other"))
    assert db_of(kc).startswith("('other'")
    ok(kc, "%sql a")
    assert db_of(kc).startswith("('shop'")
    out = ok(kc, "%sql b SELECT DATABASE() AS d")
    assert "other" in out.text
    ok(kc, "%%sql a\nSELECT 1")
    assert db_of(kc).startswith("('shop'")
    listing = ok(kc, "%sql --connections").stdout
    assert "* %s  (alias a)" % server.url_for("shop") in listing
    assert "  %s  (alias b)" % server.url_for("other") in listing
    ok(kc, "%sql --close b")
    assert "alias b" not in ok(kc, "%sql --connections").stdout
    ok(kc, "%sql --close")
    assert ok(kc, "%sql --connections").stdout == "No connections.\n"
    out = err(kc, "%sql --close nothing")
    assert "nothing" in out.reply["evalue"]
    err(kc, "%sql SELECT 1")


def test_same_url_twice_reuses_the_connection(fresh, server):
    kc = fresh()
    ok(kc, "%%sql %s" % server.url_for("shop"))
    ok(kc, "%sql SET @mark = 7")
    ok(kc, "%%sql %s" % server.url_for("shop"))
    assert value(kc, "_r = %sql SELECT @mark AS m\n_r[0]") == "(7,)"
    assert len(ok(kc, "%sql --connections").stdout.splitlines()) == 1


def test_password_in_url_is_masked_everywhere(fresh, server):
    kc = fresh()
    url = server.url_for("shop", user="app", password=PASSWORD, tcp=True)
    masked = url.replace(PASSWORD, "***")
    out = ok(kc, "%%sql %s" % url)
    assert db_of(kc) == "('shop', 'app@localhost', 'tcp')"
    assert PASSWORD not in out.everything()
    out = ok(kc, "%sql --connections")
    assert out.stdout == "* %s\n" % masked
    # an error after connecting with a password: the traceback quotes the cell, masked
    out = run_error(kc, "%%sql %s SELECT * FROM nope" % url)
    assert PASSWORD not in out.everything()
    assert masked.split("@")[0] in out.everything() or "***" in out.everything()
    # a wrong password: the error names the masked URL and never the password
    bad = server.url_for("shop", user="app", password="wrong-" + PASSWORD, tcp=True)
    out = err(kc, "%%sql %s" % bad)
    assert "Access denied" in out.reply["evalue"]
    assert bad.replace("wrong-" + PASSWORD, "***") in out.reply["evalue"]
    assert PASSWORD not in out.everything()
    assert value(kc, "_e = None\ntry:\n    %%sql %s\nexcept SQLError as e:\n    _e = e\n_e.url" % bad) \
        == repr(bad.replace("wrong-" + PASSWORD, "***"))


def run_error(kc, code):
    from conftest import run
    out = run(kc, code)
    assert out.status == "error"
    return out


def test_password_from_environment(fresh, server):
    kc = fresh({"MYSQL_PWD": PASSWORD, "APP_PW": PASSWORD})
    ok(kc, "%%sql %s" % server.url_for("shop", user="app"))
    assert db_of(kc) == "('shop', 'app@localhost', 'socket')"
    kc2 = fresh({"APP_PW": PASSWORD})
    out = err(kc2, "%%sql %s" % server.url_for("shop", user="app"))
    assert "Access denied" in out.reply["evalue"]
    ok(kc2, "%%sql %s" % server.url_for("shop", user="app", extra="password_env=APP_PW"))
    assert db_of(kc2) == "('shop', 'app@localhost', 'socket')"


def test_password_from_option_files(fresh, server, tmp_path):
    cnf = tmp_path / "app.cnf"
    cnf.write_text("[client]\npassword=%s\n" % PASSWORD)
    kc = fresh()
    ok(kc, "%%sql %s" % server.url_for("shop", user="app", extra="read_default_file=%s" % cnf))
    assert db_of(kc) == "('shop', 'app@localhost', 'socket')"
    home = tmp_path / "home"
    home.mkdir()
    (home / ".my.cnf").write_text("[client]\nuser=app\npassword=%s\n" % PASSWORD)
    kc2 = fresh({"HOME": str(home)})
    ok(kc2, "%%sql mysql://localhost/shop?socket=%s" % server.sock)
    assert db_of(kc2) == "('shop', 'app@localhost', 'socket')"


def test_url_from_environment_variable(fresh, server):
    kc = fresh({"SHOP_DB": server.url_for("other")})
    ok(kc, "%sql $SHOP_DB")
    assert db_of(kc).startswith("('other'")
    out = err(kc, "%sql $NOT_SET_ANYWHERE", "ValueError")
    assert "NOT_SET_ANYWHERE" in out.reply["evalue"]


def test_default_connection_from_abacus_sql_url(kc, server):
    # the module's kernel has ABACUS_SQL_URL and never connected explicitly
    assert db_of(kc).startswith("('shop'")
    assert ok(kc, "%sql --connections").stdout == "* %s\n" % server.url_for("shop")


@pytest.mark.parametrize("url, message", [
    ("postgres://x@y/z", "mysql://"),
    ("mysql://root@localhost:99999/x", "bad port"),
    ("mysql://root@localhost/x?sockett=/tmp/s", "unknown parameter"),
])
def test_bad_urls(fresh, url, message):
    kc = fresh()
    code = "%%sql --alias x %s" % url if url.startswith("postgres") else "%%sql %s" % url
    out = err(kc, code, "ValueError")
    assert message in out.reply["evalue"]


def test_unknown_database_and_no_server(fresh, server):
    kc = fresh()
    out = err(kc, "%%sql %s" % server.url_for("nosuchdb"))
    assert "Unknown database" in out.reply["evalue"] and server.url_for("nosuchdb") in out.reply["evalue"]
    out = err(kc, "%sql mysql://root:pw@localhost/x?socket=/nonexistent/sock")
    assert "mysql://root:***@localhost/x?socket=/nonexistent/sock" in out.reply["evalue"]
    assert value(kc, "_e = None\ntry:\n    %sql mysql://root@localhost/x?socket=/nonexistent/sock\n"
                     "except SQLError as e:\n    _e = e\n_e.errno") == "2002"
