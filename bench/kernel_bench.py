#!/usr/bin/python3
"""Kernel start (launch to kernel_info_reply), trivial execute round trip and idle RSS:
Abacus against ipykernel, measured side by side in one run; prints the ratios.

usage: bench/kernel_bench.py [ABACUS_BIN] [--starts N] [--executes N]"""
import argparse
import json
import os
import statistics
import sys
import tempfile
import time

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager


def write_specs(root, abacus):
    kernels = os.path.join(root, "kernels")
    for name, argv in (("abacus", [abacus, "kernel", "-f", "{connection_file}"]),
                       ("ipykernel", [sys.executable, "-m", "ipykernel_launcher", "-f",
                                      "{connection_file}"])):
        os.makedirs(os.path.join(kernels, name))
        with open(os.path.join(kernels, name, "kernel.json"), "w") as f:
            json.dump({"argv": argv, "display_name": name, "language": "python",
                       "interrupt_mode": "signal"}, f)
    return KernelSpecManager(kernel_dirs=[kernels])


def start(ksm, name):
    """Launch to the first kernel_info_reply. The request is queued by ZeroMQ until the
    kernel binds; wait_for_ready is not used because it adds a fixed 0.2 s iopub quiet wait."""
    km = KernelManager(kernel_name=name, kernel_spec_manager=ksm)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    msg_id = kc.kernel_info()
    while kc.get_shell_msg(timeout=60)["parent_header"].get("msg_id") != msg_id:
        pass
    t = time.perf_counter() - t0
    kc.wait_for_ready(timeout=60)
    return km, kc, t


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def round_trip(km, n):
    """execute_request to both its execute_reply and its idle status, over plain pyzmq
    sockets so the client's own overhead stays small next to the kernels' (same for both)."""
    import zmq
    info = km.get_connection_info()
    session = km.session
    ctx = zmq.Context()
    shell = ctx.socket(zmq.DEALER)
    sub = ctx.socket(zmq.SUB)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    shell.connect("tcp://%s:%d" % (info["ip"], info["shell_port"]))
    sub.connect("tcp://%s:%d" % (info["ip"], info["iopub_port"]))
    time.sleep(0.3)
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        msg = session.send(shell, "execute_request", {"code": "1 + 1", "silent": False,
                                                      "store_history": True,
                                                      "user_expressions": {},
                                                      "allow_stdin": False})
        msg_id = msg["header"]["msg_id"]
        _, parts = session.feed_identities(shell.recv_multipart())
        assert session.deserialize(parts)["parent_header"]["msg_id"] == msg_id
        while True:
            _, parts = session.feed_identities(sub.recv_multipart())
            m = session.deserialize(parts)
            if (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                    and m["content"]["execution_state"] == "idle"):
                break
        times.append(time.perf_counter() - t0)
    shell.close(0)
    sub.close(0)
    ctx.term()
    return times


def measure(ksm, name, starts, executes):
    start_times = []
    for _ in range(starts):
        km, kc, t = start(ksm, name)
        start_times.append(t)
        stop(km, kc)
    km, kc, _ = start(ksm, name)
    round_trip(km, 20)  # warm-up
    rt = round_trip(km, executes)
    time.sleep(1.0)
    rss = rss_kib(km.provisioner.pid)
    stop(km, kc)
    return statistics.median(start_times), statistics.median(rt), rss


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("abacus", nargs="?",
                    default=os.environ.get("ABACUS_BIN", os.path.join(here, "..", "build", "abacus")))
    ap.add_argument("--starts", type=int, default=5)
    ap.add_argument("--executes", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as root:
        ksm = write_specs(root, os.path.abspath(args.abacus))
        res = {name: measure(ksm, name, args.starts, args.executes)
               for name in ("abacus", "ipykernel")}
    a, p = res["abacus"], res["ipykernel"]
    print("%-28s %12s %12s %10s" % ("", "abacus", "ipykernel", "ratio"))
    print("%-28s %10.1fms %10.1fms %9.3fx" % ("start to kernel_info_reply", a[0] * 1e3,
                                               p[0] * 1e3, a[0] / p[0]))
    print("%-28s %10.3fms %10.3fms %9.3fx" % ("execute round trip (median)", a[1] * 1e3,
                                               p[1] * 1e3, a[1] / p[1]))
    print("%-28s %9.1fMiB %9.1fMiB %9.3fx" % ("idle RSS", a[2] / 1024, p[2] / 1024,
                                              a[2] / p[2]))
    print("targets: start <= 0.05x, round trip <= 0.2x, RSS <= 0.1x")


if __name__ == "__main__":
    main()
