"""jupyter console --kernel abacus, driven by pexpect: one input and its output."""
import pexpect


def test_console_one_input(jupyter_env):
    child = pexpect.spawn("jupyter", ["console", "--kernel", "abacus", "--simple-prompt"],
                          env=jupyter_env, encoding="utf-8", timeout=60)
    try:
        child.expect(r"In \[1\]: ")
        child.sendline("print(42)")
        child.expect("42")
        child.expect(r"In \[2\]: ")
        child.sendline("42")
        child.expect(r"Out\[2\]: 42")
        child.expect(r"In \[3\]: ")
        child.sendeof()  # "exit" is IPython's; the console itself exits on EOF
        if child.expect([r"\(\[y\]/n\)", pexpect.EOF], timeout=30) == 0:
            child.sendline("y")
            child.expect(pexpect.EOF, timeout=30)
    finally:
        child.close(force=True)
