"""Fixtures for the display suite: the real abacus binary (ABACUS_BIN) started through
jupyter_client's KernelManager from a kernelspec in a temporary directory (the same approach
as tests/protocol/conftest.py), and helpers that collect a cell's outputs."""
import base64
import os
import struct
import time
import zlib

import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import kernel_harness  # noqa: E402  (the shared plumbing, tests/kernel_harness.py)
from kernel_harness import abacus_bin  # noqa: E402,F401

TIMEOUT = 30
SOURCE = os.environ.get("ABACUS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))


@pytest.fixture(scope="session")
def kernel_dir(tmp_path_factory):
    """A JUPYTER_PATH-style directory holding kernels/abacus/kernel.json."""
    return kernel_harness.write_kernelspec(tmp_path_factory.mktemp("jupyter"))


def drain(kc, wait=0.05):
    kernel_harness.drain(kc, wait)


@pytest.fixture(scope="module")
def kernel(kernel_dir):
    ksm = KernelSpecManager(kernel_dirs=[str(kernel_dir / "kernels")])
    km = KernelManager(kernel_name="abacus", kernel_spec_manager=ksm)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=False)


@pytest.fixture
def kc(kernel):
    client = kernel[1]
    drain(client)
    return client


class Run:
    """The reply and iopub messages of one execute request."""

    def __init__(self, reply, msgs):
        self.reply = reply
        self.msgs = msgs

    def of(self, *types):
        return [m for m in self.msgs if m["msg_type"] in types]

    @property
    def outputs(self):
        """display_data, update_display_data, execute_result, stream, error, clear_output."""
        return self.of("display_data", "update_display_data", "execute_result", "stream",
                       "error", "clear_output")

    @property
    def displays(self):
        return self.of("display_data")

    @property
    def result(self):
        r = self.of("execute_result")
        return r[0]["content"] if r else None

    @property
    def stdout(self):
        return "".join(m["content"]["text"] for m in self.of("stream")
                       if m["content"]["name"] == "stdout")

    @property
    def error(self):
        e = self.of("error")
        return "%s: %s" % (e[0]["content"]["ename"], e[0]["content"]["evalue"]) if e else None


def run(kc, code, timeout=TIMEOUT):
    msg_id = kc.execute(code)
    deadline = time.monotonic() + timeout
    while True:
        reply = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    msgs = []
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        msgs.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return Run(reply, msgs)


def decode_png(data):
    """Decodes a PNG (bytes or base64 text) with zlib + struct: (width, height, channels,
    rows as lists of per-pixel tuples). Checks every chunk's CRC."""
    if isinstance(data, str):
        data = base64.b64decode(data)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        (crc,) = struct.unpack(">I", data[pos + 8 + n:pos + 12 + n])
        assert zlib.crc32(kind + body) & 0xffffffff == crc, kind
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8
            channels = {0: 1, 4: 2, 2: 3, 6: 4}[ctype]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pr) & 255
        rows.append([tuple(line[x * channels:(x + 1) * channels]) for x in range(width)])
        prev = line
    return width, height, channels, rows
