"""IPython syntax through the kernel: %line and %%cell magics, assignment from a magic, x? help,
and a traceback that points at the cell line."""
import re

from conftest import execute, of_type, stdout_of


def result_text(msgs):
    results = of_type(msgs, "execute_result")
    return results[0]["content"]["data"]["text/plain"] if results else None


def test_time_line_magic_keeps_the_value(kc):
    reply, msgs = execute(kc, "z = %time 6 * 7\nz")
    assert reply["content"]["status"] == "ok"
    out = stdout_of(msgs)
    assert re.search(r"CPU times: user .+, sys: .+, total: .+\nWall time: .+\n", out), out
    assert result_text(msgs) == "42"


def test_time_cell_magic_runs_the_body(kc):
    reply, msgs = execute(kc, "%%time\nacc = 0\nfor i in range(1000):\n    acc += i\nprint(acc)")
    assert reply["content"]["status"] == "ok"
    assert "499500\n" in stdout_of(msgs)
    assert "Wall time:" in stdout_of(msgs)


def test_timeit_reports_mean_and_deviation(kc):
    reply, msgs = execute(kc, "%timeit -n 10 -r 3 sum(range(100))")
    assert reply["content"]["status"] == "ok"
    assert re.search(r"per loop \(mean ± std. dev. of 3 runs, 10 loops each\)", stdout_of(msgs))


def test_who_lists_user_variables(kc):
    execute(kc, "%reset -f")
    execute(kc, "alpha = 1\nbeta = 'b'")
    reply, msgs = execute(kc, "%who")
    assert stdout_of(msgs).split() == ["alpha", "beta"]
    reply, msgs = execute(kc, "%whos")
    assert "alpha        int          1" in stdout_of(msgs)


def test_reset_clears_the_namespace(kc):
    execute(kc, "gone = 1")
    execute(kc, "%reset -f")
    reply, msgs = execute(kc, "gone")
    assert reply["content"]["ename"] == "NameError"


def test_unknown_magic_is_a_clear_error(kc):
    reply, msgs = execute(kc, "%nosuchmagic 1")
    assert reply["content"]["status"] == "error"
    assert reply["content"]["evalue"] == "Line magic function `%nosuchmagic` not found."


def test_question_mark_shows_signature_and_doc(kc):
    execute(kc, "def area(w, h=2):\n    'Area of a rectangle.'\n    return w * h")
    reply, msgs = execute(kc, "area?")
    out = stdout_of(msgs)
    assert "Signature: area(w, h=2)" in out
    assert "Area of a rectangle." in out


def test_magic_inside_a_block_and_strings_untouched(kc):
    reply, msgs = execute(kc, "s = '%time not a magic'\nif True:\n    %time t = 1\nprint(s, t)")
    assert reply["content"]["status"] == "ok"
    assert "%time not a magic 1\n" in stdout_of(msgs)


def test_traceback_names_cell_and_line(kc):
    reply, msgs = execute(kc, "a = 1\nb = a / 0")
    tb = "\n".join(reply["content"]["traceback"])
    plain = re.sub(r"\x1b\[[0-9;]*m", "", tb)
    assert "----> 2 b = a / 0" in plain
    assert plain.rstrip().endswith("ZeroDivisionError: division by zero")
