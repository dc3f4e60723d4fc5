"""Start-up, shutdown and restart through KernelManager, and the command line: bad connection
files, --version, --help, install, run."""
import json
import os
import subprocess
import time

from conftest import execute, iopub_until_idle, of_type, shell_reply, TIMEOUT


def test_shutdown_through_manager(fresh_kernel):
    km, kc = fresh_kernel
    proc = km.provisioner.process
    km.shutdown_kernel(now=False)
    assert not km.is_alive()
    assert proc.wait(timeout=5) == 0  # exited by itself: threads joined, no signal needed


def test_shutdown_request_reply_and_exit(fresh_kernel):
    km, kc = fresh_kernel
    msg = kc.session.msg("shutdown_request", {"restart": False})
    kc.control_channel.send(msg)
    reply = kc.get_control_msg(timeout=TIMEOUT)
    assert reply["msg_type"] == "shutdown_reply"
    assert reply["content"] == {"status": "ok", "restart": False}
    msgs = iopub_until_idle(kc, msg["header"]["msg_id"])
    assert [m["content"]["execution_state"] for m in msgs] == ["busy", "idle"]
    assert km.provisioner.process.wait(timeout=5) == 0


def test_shutdown_restart_flag_echoed(fresh_kernel):
    km, kc = fresh_kernel
    msg = kc.session.msg("shutdown_request", {"restart": True})
    kc.control_channel.send(msg)
    reply = kc.get_control_msg(timeout=TIMEOUT)
    assert reply["content"]["restart"] is True
    assert km.provisioner.process.wait(timeout=5) == 0


def test_shutdown_on_shell(fresh_kernel):
    km, kc = fresh_kernel
    msg = kc.session.msg("shutdown_request", {"restart": False})
    kc.shell_channel.send(msg)  # old clients send it on shell (jupyter_client 7 uses control)
    reply = shell_reply(kc, msg["header"]["msg_id"])
    assert reply["msg_type"] == "shutdown_reply"
    assert km.provisioner.process.wait(timeout=5) == 0


def test_restart_through_manager(fresh_kernel):
    km, kc = fresh_kernel
    execute(kc, "before = 1")
    old_pid = km.provisioner.pid
    km.restart_kernel(now=False)
    assert km.provisioner.pid != old_pid
    kc.wait_for_ready(timeout=TIMEOUT)
    reply, msgs = execute(kc, "before")
    assert reply["content"]["status"] == "error"  # a new interpreter
    assert reply["content"]["ename"] == "NameError"
    assert reply["content"]["execution_count"] == 1  # the count starts again


def test_missing_connection_file(abacus, tmp_path):
    r = subprocess.run([abacus, "kernel", "-f", str(tmp_path / "nope.json")],
                       capture_output=True, text=True, timeout=10)
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1
    assert "nope.json" in r.stderr


def test_unreadable_connection_file(abacus, tmp_path):
    r = subprocess.run([abacus, "kernel", "-f", str(tmp_path)], capture_output=True,
                       text=True, timeout=10)
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1


def test_bad_connection_files(abacus, tmp_path):
    base = {"transport": "tcp", "ip": "127.0.0.1", "shell_port": 1, "iopub_port": 2,
            "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": "k",
            "signature_scheme": "hmac-sha256"}
    cases = {"scheme": dict(base, signature_scheme="hmac-md5"),
             "port": dict(base, shell_port="x"),
             "transport": dict(base, transport="udp")}
    for name, content in cases.items():
        f = tmp_path / (name + ".json")
        f.write_text(json.dumps(content))
        r = subprocess.run([abacus, "kernel", "-f", str(f)], capture_output=True, text=True,
                           timeout=10)
        assert r.returncode == 2, name
        assert len(r.stderr.strip().splitlines()) == 1
    assert "hmac-md5" in subprocess.run([abacus, "kernel", "-f", str(tmp_path / "scheme.json")],
                                        capture_output=True, text=True).stderr
    f = tmp_path / "junk.json"
    f.write_text("{ not json")
    r = subprocess.run([abacus, "kernel", "-f", str(f)], capture_output=True, text=True)
    assert r.returncode == 2


def test_version_and_help(abacus):
    r = subprocess.run([abacus, "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("abacus ")
    r = subprocess.run([abacus, "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "abacus kernel -f" in r.stdout
    r = subprocess.run([abacus, "frobnicate"], capture_output=True, text=True)
    assert r.returncode == 2


def test_install_prefix(abacus, tmp_path):
    r = subprocess.run([abacus, "install", "--prefix", str(tmp_path)], capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stderr
    d = tmp_path / "share" / "jupyter" / "kernels" / "abacus"
    spec = json.loads((d / "kernel.json").read_text())
    assert spec["argv"] == [os.path.realpath(abacus), "kernel", "-f", "{connection_file}"]
    assert spec["display_name"] == "Abacus (C, arrays + SQL)"
    assert spec["language"] == "python"
    assert spec["interrupt_mode"] == "signal"
    assert isinstance(spec["metadata"], dict)
    for logo in ("logo-32x32.png", "logo-64x64.png", "logo-svg.svg"):
        assert (d / logo).stat().st_size > 0
    assert (d / "logo-64x64.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_install_user(abacus, tmp_path):
    env = dict(os.environ, JUPYTER_DATA_DIR=str(tmp_path / "data"))
    r = subprocess.run([abacus, "install", "--user"], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "data" / "kernels" / "abacus" / "kernel.json").exists()


def test_run_file(abacus, tmp_path):
    f = tmp_path / "prog.py"
    f.write_text('x = 5\nprint(x)\nprint("done")\n')
    r = subprocess.run([abacus, "run", str(f)], capture_output=True, text=True, timeout=30)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "5\ndone\n"


def test_run_error_exit_status(abacus, tmp_path):
    f = tmp_path / "bad.py"
    f.write_text('print("before")\n1/0\nprint("after")\n')
    r = subprocess.run([abacus, "run", str(f)], capture_output=True, text=True, timeout=30)
    assert r.returncode == 1
    assert r.stdout == "before\n"
    assert "ZeroDivisionError" in r.stderr
    assert "\x1b[" not in r.stderr  # no colour in batch mode


def test_run_stdin(abacus):
    r = subprocess.run([abacus, "run", "-"], input='print("from stdin")\n',
                       capture_output=True, text=True, timeout=30)
    assert r.returncode == 0
    assert r.stdout == "from stdin\n"


def test_run_missing_file(abacus, tmp_path):
    r = subprocess.run([abacus, "run", str(tmp_path / "none.py")], capture_output=True,
                       text=True)
    assert r.returncode == 2
