"""Fixtures for the protocol suite: the real abacus binary (ABACUS_BIN) started through
jupyter_client's KernelManager from a kernelspec written to a temporary directory."""
import os
import shutil

import pytest
import zmq
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import kernel_harness  # noqa: E402  (the shared plumbing, tests/kernel_harness.py)
from kernel_harness import abacus_bin  # noqa: E402,F401

TIMEOUT = 20


@pytest.fixture(scope="session")
def kernel_dir(tmp_path_factory):
    """A JUPYTER_PATH-style directory holding kernels/abacus/kernel.json."""
    return kernel_harness.write_kernelspec(tmp_path_factory.mktemp("jupyter"))


def drain(kc, wait=0.05):
    kernel_harness.drain(kc, wait)


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    return kernel_harness.shell_reply(kc, msg_id, timeout)


def iopub_until_idle(kc, msg_id, timeout=TIMEOUT):
    return kernel_harness.iopub_until_idle(kc, msg_id, timeout)


def start(kernel_dir, **kw):
    ksm = KernelSpecManager(kernel_dirs=[str(kernel_dir / "kernels")])
    km = KernelManager(kernel_name="abacus", kernel_spec_manager=ksm)
    km.start_kernel(**kw)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    return km, kc


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


@pytest.fixture(scope="module")
def kernel(kernel_dir):
    """One kernel per test module: (KernelManager, client)."""
    km, kc = start(kernel_dir)
    yield km, kc
    stop(km, kc)


@pytest.fixture
def kc(kernel):
    """The module's client with its iopub queue drained of earlier traffic."""
    client = kernel[1]
    drain(client)
    return client


@pytest.fixture
def fresh_kernel(kernel_dir):
    km, kc = start(kernel_dir)
    yield km, kc
    if km.is_alive():
        stop(km, kc)
    else:
        kc.stop_channels()




def execute(kc, code, timeout=TIMEOUT, **kw):
    """Runs code; returns (reply, iopub messages for the request)."""
    msg_id = kc.execute(code, **kw)
    reply = shell_reply(kc, msg_id, timeout)
    return reply, iopub_until_idle(kc, msg_id, timeout)


def of_type(msgs, msg_type):
    return [m for m in msgs if m["msg_type"] == msg_type]


def stdout_of(msgs):
    return "".join(m["content"]["text"] for m in of_type(msgs, "stream")
                   if m["content"]["name"] == "stdout")


class RawShell:
    """A DEALER on the kernel's shell port for hand-made (and broken) messages."""

    def __init__(self, km):
        info = km.get_connection_info()
        self.session = km.session
        self.ctx = zmq.Context()
        self.sock = self.ctx.socket(zmq.DEALER)
        self.sock.linger = 0
        self.sock.connect("%s://%s:%d" % (info["transport"], info["ip"], info["shell_port"]))

    def frames(self, msg_type, content):
        msg = self.session.msg(msg_type, content)
        return msg, self.session.serialize(msg)

    def send_frames(self, frames):
        self.sock.send_multipart([f if isinstance(f, bytes) else f.encode() for f in frames])

    def recv(self, timeout=1.0):
        if self.sock.poll(int(timeout * 1000)):
            return self.session.deserialize(self.session.feed_identities(self.sock.recv_multipart())[1])
        return None

    def close(self):
        self.sock.close()
        self.ctx.term()


@pytest.fixture
def raw_shell(kernel):
    raw = RawShell(kernel[0])
    yield raw
    raw.close()


@pytest.fixture(scope="session")
def abacus():
    return abacus_bin()


@pytest.fixture
def jupyter_env(tmp_path, abacus):
    """An environment whose Jupyter data and path point at a temp dir with abacus installed."""
    import subprocess
    env = dict(os.environ)
    env["JUPYTER_DATA_DIR"] = str(tmp_path / "data")
    env["JUPYTER_PATH"] = str(tmp_path / "data")
    env["JUPYTER_RUNTIME_DIR"] = str(tmp_path / "runtime")
    env["JUPYTER_CONFIG_DIR"] = str(tmp_path / "config")
    env["IPYTHONDIR"] = str(tmp_path / "ipython")
    subprocess.run([abacus, "install", "--user"], env=env, check=True, capture_output=True)
    assert shutil.which("jupyter")
    return env
