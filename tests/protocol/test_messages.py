"""Every shell/control message type, the iopub traffic around it, and execution_count."""
import re
import time

from conftest import (execute, iopub_until_idle, of_type, shell_reply, stdout_of, TIMEOUT)

UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")


def check_envelope(msg, parent_id):
    assert isinstance(msg["metadata"], dict)
    assert isinstance(msg["content"], dict)
    assert msg["parent_header"]["msg_id"] == parent_id
    hdr = msg["header"]
    assert UUID4.match(hdr["msg_id"])
    assert hdr["version"] == "5.4"
    assert hdr["username"] and hdr["session"]


def request(kc, channel, msg_type, content):
    msg = kc.session.msg(msg_type, content)
    getattr(kc, channel + "_channel").send(msg)
    return msg["header"]["msg_id"]


def control_reply(kc, msg_id):
    while True:
        msg = kc.get_control_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def busy_idle(msgs):
    states = [m["content"]["execution_state"] for m in of_type(msgs, "status")]
    assert states == ["busy", "idle"], states
    assert msgs[0]["msg_type"] == "status" and msgs[-1]["msg_type"] == "status"


def test_kernel_info(kc):
    msg_id = kc.kernel_info()
    reply = shell_reply(kc, msg_id)
    check_envelope(reply, msg_id)
    c = reply["content"]
    assert c["status"] == "ok"
    assert c["protocol_version"] == "5.4"
    assert c["implementation"] == "abacus"
    assert c["implementation_version"]
    li = c["language_info"]
    assert li["name"] == "python"
    assert li["mimetype"] == "text/x-python"
    assert li["file_extension"] == ".py"
    assert li["codemirror_mode"] == {"name": "ipython", "version": 3}
    assert li["pygments_lexer"] == "ipython3"
    assert li["nbconvert_exporter"] == "python"
    assert c["banner"] and c["help_links"] == []
    busy_idle(iopub_until_idle(kc, msg_id))
    assert DATE.match(reply["header"]["date"].strftime("%Y-%m-%dT%H:%M:%S.%fZ"))


def test_kernel_info_on_control(kc):
    msg_id = request(kc, "control", "kernel_info_request", {})
    reply = control_reply(kc, msg_id)
    assert reply["content"]["implementation"] == "abacus"
    busy_idle(iopub_until_idle(kc, msg_id))


def test_execute_outputs_in_order(kc):
    reply, msgs = execute(kc, 'x = 5\nprint("hello")\nx')
    assert reply["content"]["status"] == "ok"
    n = reply["content"]["execution_count"]
    types = [m["msg_type"] for m in msgs]
    assert types == ["status", "execute_input", "stream", "execute_result", "status"], types
    assert msgs[1]["content"] == {"code": 'x = 5\nprint("hello")\nx', "execution_count": n}
    assert stdout_of(msgs) == "hello\n"
    res = of_type(msgs, "execute_result")[0]["content"]
    assert res["execution_count"] == n
    assert res["data"]["text/plain"] == "5"
    assert isinstance(res["metadata"], dict)
    for m in msgs:
        check_envelope(m, reply["parent_header"]["msg_id"])
    assert reply["content"]["user_expressions"] == {}
    assert reply["content"]["payload"] == []
    assert isinstance(reply["metadata"], dict)


def test_stream_coalesced(kc):
    reply, msgs = execute(kc, 'print("a")\nprint("b")\nprint("c")')
    assert stdout_of(msgs) == "a\nb\nc\n"
    assert len(of_type(msgs, "stream")) == 1


def test_execution_count_rules(kc):
    r1, _ = execute(kc, "1")
    n = r1["content"]["execution_count"]
    r2, m2 = execute(kc, "2", store_history=False)
    assert r2["content"]["execution_count"] == n
    r3, m3 = execute(kc, "3", silent=True)
    assert r3["content"]["execution_count"] == n
    r4, m4 = execute(kc, "4")
    assert r4["content"]["execution_count"] == n + 1
    assert of_type(m4, "execute_input")[0]["content"]["execution_count"] == n + 1
    assert of_type(m4, "execute_result")[0]["content"]["execution_count"] == n + 1
    r5, m5 = execute(kc, "1/0")
    assert r5["content"]["execution_count"] == n + 2  # errors count too


def test_silent_publishes_nothing_but_status(kc):
    reply, msgs = execute(kc, 'print("quiet")\n7', silent=True)
    assert reply["content"]["status"] == "ok"
    assert [m["msg_type"] for m in msgs] == ["status", "status"]


def test_error(kc):
    reply, msgs = execute(kc, "1/0")
    c = reply["content"]
    assert c["status"] == "error"
    assert c["ename"] == "ZeroDivisionError"
    assert isinstance(c["traceback"], list) and c["traceback"]
    assert "execution_count" in c
    errors = of_type(msgs, "error")
    assert len(errors) == 1
    assert errors[0]["content"]["ename"] == "ZeroDivisionError"
    assert isinstance(errors[0]["content"]["traceback"], list)
    assert msgs[-1]["content"]["execution_state"] == "idle"


def test_name_error(kc):
    reply, msgs = execute(kc, "undefined_name_xyz")
    assert reply["content"]["ename"] == "NameError"
    assert len(of_type(msgs, "error")) == 1


def test_user_expressions(kc):
    execute(kc, "ue = 6")
    reply, _ = execute(kc, "ue", user_expressions={"good": "ue", "bad": "nope_nothing"})
    ue = reply["content"]["user_expressions"]
    assert ue["good"]["status"] == "ok"
    assert ue["good"]["data"]["text/plain"] == "6"
    assert isinstance(ue["good"]["metadata"], dict)
    assert ue["bad"]["status"] == "error"
    assert ue["bad"]["ename"] == "NameError"


def test_stop_on_error_aborts_queued(kc):
    execute(kc, "q = 1")
    ids = [kc.execute("1/0"), kc.execute("q = 2"), kc.execute("q = 3")]
    replies = [shell_reply(kc, i) for i in ids]
    assert [r["content"]["status"] for r in replies] == ["error", "aborted", "aborted"]
    for r in replies:
        assert "execution_count" in r["content"]
    for i in ids:
        iopub_until_idle(kc, i)
    reply, msgs = execute(kc, "q")
    assert of_type(msgs, "execute_result")[0]["content"]["data"]["text/plain"] == "1"


def test_no_stop_on_error_runs_queued(kc):
    ids = [kc.execute("1/0", stop_on_error=False), kc.execute("r = 2")]
    replies = [shell_reply(kc, i) for i in ids]
    assert [r["content"]["status"] for r in replies] == ["error", "ok"]
    for i in ids:
        iopub_until_idle(kc, i)


def test_complete(kc):
    execute(kc, "completion_target = 1")
    code = "completion_t"
    msg_id = kc.complete(code, len(code))
    reply = shell_reply(kc, msg_id)
    c = reply["content"]
    assert c["status"] == "ok"
    assert "completion_target" in c["matches"]
    assert c["cursor_end"] == len(code)
    assert c["cursor_start"] == 0
    assert c["metadata"] == {}
    busy_idle(iopub_until_idle(kc, msg_id))


def test_inspect(kc):
    msg_id = kc.inspect("print", 5)
    reply = shell_reply(kc, msg_id)
    c = reply["content"]
    assert c["status"] == "ok"
    assert isinstance(c["found"], bool)
    assert isinstance(c["data"], dict) and isinstance(c["metadata"], dict)
    if c["found"]:
        assert "text/plain" in c["data"]
    busy_idle(iopub_until_idle(kc, msg_id))


def test_is_complete(kc):
    def status(code):
        msg_id = kc.is_complete(code)
        reply = shell_reply(kc, msg_id)
        busy_idle(iopub_until_idle(kc, msg_id))
        return reply["content"]

    assert status("x = 1")["status"] == "complete"
    c = status("while x:")
    assert c["status"] == "incomplete"
    assert isinstance(c["indent"], str)
    assert status("print(1")["status"] == "incomplete"


def test_history(kc):
    execute(kc, "hist_a = 1")
    execute(kc, "hist_b = 2")
    execute(kc, "hist_a = 1")
    execute(kc, "not_stored = 1", store_history=False)

    def hist(**kw):
        msg_id = kc.history(**kw)
        reply = shell_reply(kc, msg_id)
        busy_idle(iopub_until_idle(kc, msg_id))
        assert reply["content"]["status"] == "ok"
        return reply["content"]["history"]

    tail = hist(hist_access_type="tail", n=3, raw=True, output=False)
    assert [h[2] for h in tail] == ["hist_a = 1", "hist_b = 2", "hist_a = 1"]
    lines = [h[1] for h in tail]
    assert lines == sorted(lines) and len(set(lines)) == 3
    rng = hist(hist_access_type="range", session=0, start=lines[0], stop=lines[2] + 1,
               raw=True, output=False)
    assert [h[2] for h in rng] == [h[2] for h in tail]
    found = hist(hist_access_type="search", pattern="hist_*", raw=True, output=False)
    assert [h[2] for h in found][-3:] == ["hist_a = 1", "hist_b = 2", "hist_a = 1"]
    uniq = hist(hist_access_type="search", pattern="hist_*", unique=True, raw=True,
                output=False)
    assert [h[2] for h in uniq] == ["hist_b = 2", "hist_a = 1"]
    limited = hist(hist_access_type="search", pattern="hist_*", n=1, raw=True, output=False)
    assert [h[2] for h in limited] == ["hist_a = 1"]
    assert all("not_stored" not in h[2] for h in hist(hist_access_type="tail", n=100,
                                                     raw=True, output=False))
    with_out = hist(hist_access_type="tail", n=1, raw=True, output=True)
    assert with_out[0][2][0] == "hist_a = 1"


def test_comm_info(kc):
    msg_id = kc.comm_info()
    reply = shell_reply(kc, msg_id)
    assert reply["content"] == {"status": "ok", "comms": {}}
    busy_idle(iopub_until_idle(kc, msg_id))


def test_comm_open_unknown_target_closed(kc):
    msg_id = request(kc, "shell", "comm_open",
                     {"comm_id": "c0ffee", "target_name": "no.such.target", "data": {}})
    msgs = iopub_until_idle(kc, msg_id)
    closes = of_type(msgs, "comm_close")
    assert len(closes) == 1 and closes[0]["content"]["comm_id"] == "c0ffee"


def test_comm_msg_and_close_ignored(kc):
    for t in ("comm_msg", "comm_close"):
        msg_id = request(kc, "shell", t, {"comm_id": "unknown", "data": {}})
        busy_idle(iopub_until_idle(kc, msg_id))
    reply, _ = execute(kc, "1")
    assert reply["content"]["status"] == "ok"


def test_debug_request_error_reply(kc):
    msg_id = request(kc, "control", "debug_request",
                     {"type": "request", "seq": 1, "command": "initialize", "arguments": {}})
    reply = control_reply(kc, msg_id)
    assert reply["msg_type"] == "debug_reply"
    assert reply["content"]["status"] == "error"
    busy_idle(iopub_until_idle(kc, msg_id))


def test_interrupt_request_reply_when_idle(kc):
    msg_id = request(kc, "control", "interrupt_request", {})
    reply = control_reply(kc, msg_id)
    assert reply["msg_type"] == "interrupt_reply"
    assert reply["content"]["status"] == "ok"
    time.sleep(0.1)
    reply, _ = execute(kc, "1")
    assert reply["content"]["status"] == "ok"


def test_pipelined_requests_in_order(kc):
    ids = [kc.execute("print(%d)" % i) for i in range(8)]
    replies = [kc.get_shell_msg(timeout=TIMEOUT) for _ in ids]
    assert [r["parent_header"]["msg_id"] for r in replies] == ids
    for i, msg_id in enumerate(ids):
        assert stdout_of(iopub_until_idle(kc, msg_id)) == "%d\n" % i


def test_thousand_executes(kc):
    start = time.monotonic()
    for i in range(1000):
        msg_id = kc.execute("k = %d" % i)
        reply = shell_reply(kc, msg_id)
        assert reply["content"]["status"] == "ok"
        msgs = iopub_until_idle(kc, msg_id)
        assert [m["msg_type"] for m in msgs] == ["status", "execute_input", "status"]
    assert time.monotonic() - start < 120
    reply, msgs = execute(kc, "k")
    assert of_type(msgs, "execute_result")[0]["content"]["data"]["text/plain"] == "999"
