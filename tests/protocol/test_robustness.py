"""Bad input on the shell socket: forged signatures, malformed frames and JSON, unknown types.
None may crash the kernel; a bad signature must have no effect at all."""
import json

from conftest import execute, of_type


def value_of(kc, name):
    reply, msgs = execute(kc, name)
    assert reply["content"]["status"] == "ok", reply["content"]
    return of_type(msgs, "execute_result")[0]["content"]["data"]["text/plain"]


def alive(kc):
    reply, _ = execute(kc, "1")
    assert reply["content"]["status"] == "ok"


def test_wrong_signature_no_reply_no_effect(kc, raw_shell):
    execute(kc, "sig = 5")
    msg, frames = raw_shell.frames("execute_request", {
        "code": "sig = 99", "silent": False, "store_history": True, "user_expressions": {},
        "allow_stdin": False, "stop_on_error": True})
    i = frames.index(b"<IDS|MSG>")
    frames[i + 1] = b"0" * 64
    raw_shell.send_frames(frames)
    assert raw_shell.recv(timeout=1.0) is None
    assert value_of(kc, "sig") == "5"


def test_missing_signature_dropped(kc, raw_shell):
    execute(kc, "sig2 = 5")
    msg, frames = raw_shell.frames("execute_request", {"code": "sig2 = 7"})
    i = frames.index(b"<IDS|MSG>")
    frames[i + 1] = b""
    raw_shell.send_frames(frames)
    assert raw_shell.recv(timeout=0.5) is None
    assert value_of(kc, "sig2") == "5"


def test_good_raw_message_is_answered(kc, raw_shell):
    msg, frames = raw_shell.frames("kernel_info_request", {})
    raw_shell.send_frames(frames)
    reply = raw_shell.recv(timeout=5)
    assert reply["msg_type"] == "kernel_info_reply"


def signed(raw_shell, parts):
    """Frames with a valid signature over arbitrary (possibly malformed) JSON parts."""
    return [b"<IDS|MSG>", raw_shell.session.sign(parts)] + parts


def test_malformed_json(kc, raw_shell):
    hdr = raw_shell.session.msg_header("execute_request")
    parts = [json.dumps(hdr, default=str).encode(), b"{}", b"{}", b"{not json"]
    raw_shell.send_frames(signed(raw_shell, parts))
    assert raw_shell.recv(timeout=0.5) is None
    parts = [b"[1, 2]", b"{}", b"{}", b"{}"]  # header not an object
    raw_shell.send_frames(signed(raw_shell, parts))
    assert raw_shell.recv(timeout=0.5) is None
    alive(kc)


def test_missing_header_fields(kc, raw_shell):
    for drop in ("msg_type", "msg_id", "session"):
        hdr = raw_shell.session.msg_header("kernel_info_request")
        del hdr[drop]
        parts = [json.dumps(hdr, default=str).encode(), b"{}", b"{}", b"{}"]
        raw_shell.send_frames(signed(raw_shell, parts))
        assert raw_shell.recv(timeout=0.3) is None
    alive(kc)


def test_wrong_frame_counts(kc, raw_shell):
    raw_shell.send_frames([b"just one frame"])
    raw_shell.send_frames([b"<IDS|MSG>", b"sig", b"{}"])
    raw_shell.send_frames([b"<IDS|MSG>"])
    msg, frames = raw_shell.frames("kernel_info_request", {})
    raw_shell.send_frames(frames[:-1])  # content frame missing
    assert raw_shell.recv(timeout=0.5) is None
    alive(kc)


def test_extra_buffers_accepted(kc, raw_shell):
    msg, frames = raw_shell.frames("kernel_info_request", {})
    raw_shell.send_frames(frames + [b"buffer-1", b"buffer-2"])
    assert raw_shell.recv(timeout=5)["msg_type"] == "kernel_info_reply"


def test_unknown_msg_type(kc, raw_shell):
    msg, frames = raw_shell.frames("no_such_request", {"x": 1})
    raw_shell.send_frames(frames)
    assert raw_shell.recv(timeout=0.5) is None
    alive(kc)


def test_wrong_value_types_in_content(kc, raw_shell):
    msg, frames = raw_shell.frames("execute_request", {"code": 12, "silent": "yes",
                                                       "user_expressions": [1]})
    raw_shell.send_frames(frames)
    reply = raw_shell.recv(timeout=5)
    assert reply is not None and reply["msg_type"] == "execute_reply"
    for t, c in (("complete_request", {"code": None, "cursor_pos": -5}),
                 ("complete_request", {"code": "abc", "cursor_pos": 1000}),
                 ("inspect_request", {"code": [], "cursor_pos": "x"}),
                 ("history_request", {"hist_access_type": "tail", "n": "many"}),
                 ("is_complete_request", {})):
        msg, frames = raw_shell.frames(t, c)
        raw_shell.send_frames(frames)
        reply = raw_shell.recv(timeout=5)
        assert reply is not None and reply["msg_type"] == t.replace("request", "reply")
        assert reply["content"]["status"] in ("ok", "complete", "incomplete", "invalid",
                                              "unknown"), (t, reply)
    alive(kc)
