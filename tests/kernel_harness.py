"""What every suite that talks to the real kernel needs: the binary (ABACUS_BIN), a kernelspec
in a temporary directory, and the message plumbing around jupyter_client. The suites'
conftest.py files import from here so the plumbing exists once."""
import json
import os
import queue
import time

import pytest

SOURCE = os.path.abspath(os.environ.get("ABACUS_SOURCE_DIR",
                                        os.path.join(os.path.dirname(__file__), "..")))


def abacus_bin():
    path = os.environ.get("ABACUS_BIN") or os.path.join(SOURCE, "build", "abacus")
    if not os.access(path, os.X_OK):
        pytest.exit("ABACUS_BIN does not name the abacus binary: %r" % path, 2)
    return os.path.abspath(path)


def write_kernelspec(root):
    """root/kernels/abacus/kernel.json for the binary under test; returns root."""
    spec = root / "kernels" / "abacus"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [abacus_bin(), "kernel", "-f", "{connection_file}"],
        "display_name": "Abacus (C, arrays + SQL)",
        "language": "python",
        "interrupt_mode": "signal",
    }))
    return root


def drain(kc, wait=0.05):
    """Drops whatever earlier requests left on the iopub and shell channels."""
    time.sleep(wait)
    for get in (kc.get_iopub_msg, kc.get_shell_msg):
        while True:
            try:
                get(timeout=0.01)
            except queue.Empty:
                break


def shell_reply(kc, msg_id, timeout):
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def iopub_until_idle(kc, msg_id, timeout):
    """Every iopub message whose parent is msg_id, up to and including its idle status."""
    out = []
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        out.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return out
