"""Large results stream into typed columns: 1M rows into arrays, through the text protocol and
a prepared statement, shown cut at displaylimit."""
import pytest

from conftest import ok, value


@pytest.fixture(scope="module", autouse=True)
def big(kernel):
    ok(kernel[1], """%%sql
DROP TABLE IF EXISTS big;
CREATE TABLE big (id INT PRIMARY KEY, a BIGINT, b DOUBLE, c DECIMAL(12,2), s VARCHAR(12)) ENGINE=InnoDB;
INSERT INTO big SELECT seq, seq * 3, seq / 4, seq % 1000 + 0.25, IF(seq % 100000 = 0, NULL, CONCAT('r', seq)) FROM seq_1_to_1000000;
""", timeout=300)


def test_million_rows_into_arrays(kc):
    out = ok(kc, """rs = %sql SELECT id, a, b, c FROM big
print(len(rs), rs['id'].dtype, rs['a'].dtype, rs['b'].dtype, rs['c'].dtype)
print(rs['id'].sum(), rs['a'].sum(), rs['b'].sum(), rs['c'].sum())
m = rs.to_array()
print(m.shape, m[999999])""", timeout=120)
    assert out.stdout == ("1000000 int64 int64 float64 float64\n"
                          "500000500000 1500001500000 125000125000.0 499750000.0\n"
                          "(1000000, 4) [1.0e+06 3.0e+06 2.5e+05 2.5e-01]\n")


def test_million_rows_through_a_prepared_statement(kc):
    out = ok(kc, """lo = 0
rs = %sql SELECT id, b, s FROM big WHERE id > :lo
print(len(rs), rs['id'][-1], rs['b'][-1], rs['s'][0], rs['s'][99999], rs.mask('s').sum())""",
             timeout=120)
    assert out.stdout == "1000000 1000000 250000.0 r1 None 10\n"


def test_display_of_a_big_result_is_cut(kc):
    out = ok(kc, "%sql SELECT * FROM big", timeout=120)
    assert out.text.count("\n|") == 11
    assert "Truncated to displaylimit of 10 rows; 1000000 rows total" in out.text
    assert out.html.count("<tr>") == 11
    assert value(kc, "len(_)") == "1000000"
