#!/usr/bin/python3
"""SQL against a throwaway MariaDB server (scripts/mariadb), Abacus and python3-mysqldb side by
side in one run; prints the times and the ratios.

  fetch: 1M rows x 4 numeric columns (INT, BIGINT, DOUBLE, DECIMAL) into arrays --
         Abacus `rs = %sql SELECT ...` and its columns, against MySQLdb's
         cursor.fetchall() then np.array
  bulk:  100k rows from arrays into a table -- Abacus `%sql INSERT ... VALUES (:a, :b, :c, :d)`
         against cursor.executemany

Both sides use the same server over the same unix socket; times are the best of --repeat runs
of each, measured inside the process (Abacus: time.perf_counter in the script).

usage: bench/sql_bench.py [ABACUS_BIN] [--repeat N] [--url mysql://...]"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

import MySQLdb
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
ROWS, BULK = 1_000_000, 100_000

SETUP = """
CREATE DATABASE IF NOT EXISTS bench;
USE bench;
DROP TABLE IF EXISTS fetch4;
CREATE TABLE fetch4 (i INT, j BIGINT, x DOUBLE, d DECIMAL(12,2)) ENGINE=InnoDB;
INSERT INTO fetch4 SELECT seq, seq * 7, seq / 3, (seq %% 100000) / 4 FROM seq_1_to_%d;
DROP TABLE IF EXISTS bulk_a;
CREATE TABLE bulk_a (i INT, j BIGINT, x DOUBLE, d DECIMAL(12,2)) ENGINE=InnoDB;
DROP TABLE IF EXISTS bulk_m;
CREATE TABLE bulk_m (i INT, j BIGINT, x DOUBLE, d DECIMAL(12,2)) ENGINE=InnoDB;
""" % ROWS

ABACUS_SCRIPT = """import time
import numpy as np
%%sql %(url)s
best_fetch = 1e9
for k in range(%(repeat)d):
    t = time.perf_counter()
    rs = %%sql SELECT i, j, x, d FROM fetch4
    cols = [rs['i'], rs['j'], rs['x'], rs['d']]
    best_fetch = min(best_fetch, time.perf_counter() - t)
assert len(rs) == %(rows)d and cols[0].sum() == %(isum)d
n = %(bulk)d
a = np.arange(n)
b = np.arange(n) * 7
c = np.arange(n) / 3
d = np.arange(n) / 4
best_bulk = 1e9
for k in range(%(repeat)d):
    %%sql TRUNCATE TABLE bulk_a
    t = time.perf_counter()
    %%sql INSERT INTO bulk_a VALUES (:a, :b, :c, :d)
    best_bulk = min(best_bulk, time.perf_counter() - t)
chk = %%sql SELECT COUNT(*) AS n FROM bulk_a
assert chk[0][0] == n
print(best_fetch, best_bulk)
"""


def server_url(args, tmp):
    if args.url:
        return args.url, None
    out = subprocess.run([os.path.join(SOURCE, "scripts", "mariadb"), "start", tmp],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip(), tmp


def connect(sock):
    return MySQLdb.connect(unix_socket=sock, user="root", db="bench")


def mysqldb_side(sock, repeat):
    conn = connect(sock)
    cur = conn.cursor()
    best_fetch = 1e9
    for _ in range(repeat):
        t = time.perf_counter()
        cur.execute("SELECT i, j, x, d FROM fetch4")
        arr = np.array(cur.fetchall(), dtype=float)
        best_fetch = min(best_fetch, time.perf_counter() - t)
    assert arr.shape == (ROWS, 4)
    n = BULK
    rows = list(zip(np.arange(n).tolist(), (np.arange(n) * 7).tolist(),
                    (np.arange(n) / 3).tolist(), (np.arange(n) / 4).tolist()))
    best_bulk = 1e9
    for _ in range(repeat):
        cur.execute("TRUNCATE TABLE bulk_m")
        t = time.perf_counter()
        cur.executemany("INSERT INTO bulk_m VALUES (%s, %s, %s, %s)", rows)
        conn.commit()
        best_bulk = min(best_bulk, time.perf_counter() - t)
    cur.execute("SELECT COUNT(*) FROM bulk_m")
    assert cur.fetchone()[0] == n
    conn.close()
    return best_fetch, best_bulk


def abacus_side(abacus, url, repeat, tmp):
    path = os.path.join(tmp, "bench_sql.py")
    with open(path, "w") as f:
        f.write(ABACUS_SCRIPT % {"url": url, "repeat": repeat, "rows": ROWS, "bulk": BULK,
                                 "isum": ROWS * (ROWS + 1) // 2})
    out = subprocess.run([abacus, "run", path], check=True, capture_output=True, text=True)
    fetch, bulk = out.stdout.split()[-2:]
    return float(fetch), float(bulk)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("abacus", nargs="?", default=os.path.join(SOURCE, "build", "abacus"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--url", help="an existing server (mysql://root@localhost/?socket=...)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="sqlbench") as tmp:
        url, started = server_url(args, tmp)
        try:
            sock = url.split("socket=")[1].split("&")[0]
            subprocess.run(["mariadb", "--no-defaults", "-S", sock, "-uroot"], input=SETUP,
                           check=True, text=True)
            db_url = url.replace("/?", "/bench?")
            a_fetch, a_bulk = abacus_side(args.abacus, db_url, args.repeat, tmp)
            m_fetch, m_bulk = mysqldb_side(sock, args.repeat)
        finally:
            if started:
                subprocess.run([os.path.join(SOURCE, "scripts", "mariadb"), "stop", started])
    print("fetch %d rows x 4 numeric columns into arrays" % ROWS)
    print("  abacus   %.3f s" % a_fetch)
    print("  mysqldb  %.3f s   (cursor.fetchall + np.array)" % m_fetch)
    print("  ratio    %.2fx faster (target >= 2x)" % (m_fetch / a_fetch))
    print("bulk insert of %d rows from arrays" % BULK)
    print("  abacus   %.3f s" % a_bulk)
    print("  mysqldb  %.3f s   (cursor.executemany)" % m_bulk)
    print("  ratio    %.2fx faster (target >= 2x)" % (m_bulk / a_bulk))
    return 0 if m_fetch / a_fetch >= 2 and m_bulk / a_bulk >= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
