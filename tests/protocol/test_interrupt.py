"""Interrupts (SIGINT through the KernelManager, interrupt_request on control) during a busy
cell and during input(); the heartbeat keeps answering while a cell runs."""
import signal
import time

import zmq

from conftest import execute, iopub_until_idle, of_type, shell_reply, TIMEOUT


def wait_busy(kc, msg_id):
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            return


def value_of(kc, name):
    reply, msgs = execute(kc, name)
    return of_type(msgs, "execute_result")[0]["content"]["data"]["text/plain"]


def interrupted_by(kc, how):
    execute(kc, "x = 5")
    msg_id = kc.execute("while True: pass")
    wait_busy(kc, msg_id)
    time.sleep(0.3)
    how()
    reply = shell_reply(kc, msg_id, timeout=10)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    msgs = iopub_until_idle(kc, msg_id)
    assert len(of_type(msgs, "error")) == 1
    assert value_of(kc, "x") == "5"
    reply, _ = execute(kc, "y = x + 1")
    assert reply["content"]["status"] == "ok"


def test_interrupt_by_signal(kernel, kc):
    km = kernel[0]
    interrupted_by(kc, lambda: km.signal_kernel(signal.SIGINT))


def test_interrupt_by_kernel_manager(kernel, kc):
    interrupted_by(kc, kernel[0].interrupt_kernel)


def test_interrupt_by_message(kc):
    def send():
        msg = kc.session.msg("interrupt_request", {})
        kc.control_channel.send(msg)
        reply = kc.get_control_msg(timeout=TIMEOUT)
        assert reply["msg_type"] == "interrupt_reply"
    interrupted_by(kc, send)


def test_heartbeat_during_busy_cell(kernel, kc):
    km = kernel[0]
    info = km.get_connection_info()
    ctx = zmq.Context()
    hb = ctx.socket(zmq.REQ)
    hb.linger = 0
    hb.connect("%s://%s:%d" % (info["transport"], info["ip"], info["hb_port"]))
    msg_id = kc.execute("while True: pass")
    wait_busy(kc, msg_id)
    try:
        start = time.monotonic()
        pings = 0
        while time.monotonic() - start < 5:
            hb.send(b"ping-%d" % pings)
            assert hb.poll(1000), "heartbeat not answered while busy"
            assert hb.recv() == b"ping-%d" % pings
            pings += 1
            time.sleep(0.1)
        assert pings >= 20
    finally:
        km.interrupt_kernel()
        hb.close()
        ctx.term()
    assert shell_reply(kc, msg_id)["content"]["ename"] == "KeyboardInterrupt"
    iopub_until_idle(kc, msg_id)


def test_interrupt_while_waiting_for_input(kernel, kc):
    msg_id = kc.execute('s = input("name? ")', allow_stdin=True)
    req = kc.get_stdin_msg(timeout=TIMEOUT)
    assert req["msg_type"] == "input_request"
    kernel[0].interrupt_kernel()
    reply = shell_reply(kc, msg_id, timeout=10)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    iopub_until_idle(kc, msg_id)
    reply, _ = execute(kc, "1")
    assert reply["content"]["status"] == "ok"


def test_interrupt_stops_a_long_builtin(kernel, kc):
    """sum() over a huge range runs in C, not in the bytecode loop: it must stop too."""
    execute(kc, "x = 5")
    msg_id = kc.execute("sum(range(10 ** 15))")
    wait_busy(kc, msg_id)
    time.sleep(0.3)
    t = time.monotonic()
    kernel[0].interrupt_kernel()
    reply = shell_reply(kc, msg_id, timeout=10)
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    assert time.monotonic() - t < 2
    assert value_of(kc, "x") == "5"


def test_interrupt_stops_fused_array_loop(kernel, kc):
    """A loop of fused array expressions over 4M elements (two cores, runtime/array/fuse.c)
    stops on an interrupt, and the arrays it reads and writes stay whole."""
    reply, _ = execute(kc, "import numpy as np\nx = np.arange(4_000_000) * 0.5\n"
                           "y = np.sqrt(x * x + 1) - x\nn = 0")
    assert reply["content"]["status"] == "ok"
    msg_id = kc.execute("while True:\n    y = np.sqrt(x * x + 1) - x * 0.5 + n\n    n += 1")
    wait_busy(kc, msg_id)
    time.sleep(0.5)
    t = time.monotonic()
    kernel[0].interrupt_kernel()
    reply = shell_reply(kc, msg_id, timeout=10)
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    assert time.monotonic() - t < 2
    iopub_until_idle(kc, msg_id)
    assert value_of(kc, "int(x.sum())") == "3999999000000"
    assert value_of(kc, "y.shape, y.dtype") == "((4000000,), dtype('float64'))"
    assert value_of(kc, "n > 0") == "True"
    # the last completed y: the loop's expression with the n of that iteration
    assert value_of(kc, "bool((y == np.sqrt(x * x + 1) - x * 0.5 + (n - 1)).all()) "
                        "or bool((y == np.sqrt(x * x + 1) - x * 0.5 + n).all())") == "True"
