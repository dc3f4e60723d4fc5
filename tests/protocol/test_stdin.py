"""input() over the stdin channel: the round trip, the password flag, allow_stdin=False."""
from conftest import execute, iopub_until_idle, of_type, shell_reply, TIMEOUT


def test_input_round_trip(kc):
    msg_id = kc.execute('name = input("who? ")\nprint(name)', allow_stdin=True)
    req = kc.get_stdin_msg(timeout=TIMEOUT)
    assert req["msg_type"] == "input_request"
    assert req["content"]["prompt"] == "who? "
    assert req["content"]["password"] is False
    assert req["parent_header"]["msg_id"] == msg_id
    kc.input("1234")
    reply = shell_reply(kc, msg_id)
    assert reply["content"]["status"] == "ok"
    msgs = iopub_until_idle(kc, msg_id)
    text = "".join(m["content"]["text"] for m in of_type(msgs, "stream"))
    assert text == "1234\n"


def test_two_inputs(kc):
    msg_id = kc.execute('a = input("a")\nb = input("b")\nprint(a)\nprint(b)', allow_stdin=True)
    for answer in ("12", "34"):
        req = kc.get_stdin_msg(timeout=TIMEOUT)
        assert req["msg_type"] == "input_request"
        kc.input(answer)
    assert shell_reply(kc, msg_id)["content"]["status"] == "ok"
    msgs = iopub_until_idle(kc, msg_id)
    assert "".join(m["content"]["text"] for m in of_type(msgs, "stream")) == "12\n34\n"


def test_input_not_allowed(kc):
    reply, msgs = execute(kc, 'v = input("no stdin: ")', allow_stdin=False)
    assert reply["content"]["status"] == "error"
    assert len(of_type(msgs, "error")) == 1
    reply, _ = execute(kc, "1")
    assert reply["content"]["status"] == "ok"
