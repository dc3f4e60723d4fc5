"""The display tour in a real browser: classic `jupyter notebook` (Debian's jupyter-notebook) on
loopback with a token and the Abacus kernelspec in a temporary JUPYTER_PATH, headless Chromium
driven by chromedriver through plain W3C WebDriver HTTP calls (urllib + json, no selenium).
The page runs all cells, waits for every code cell to finish and the kernel to be idle, takes
screenshots (the whole page and a few outputs), and checks that the outputs rendered: <img>
outputs decoded (naturalWidth > 0), SVG figures with their axes, HTML tables, no error output.

Screenshots go to $ABACUS_BROWSER_SHOTS when set, else to pytest's temporary directory (the
path is printed). Skips, naming what is missing, without chromium, chromedriver or the classic
notebook; scripts/deps installs all three."""
import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

import pytest

SOURCE = os.environ.get("ABACUS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
NAME = "display-tour.ipynb"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                  "--window-size=1280,1000", "--hide-scrollbars"]


def abacus_bin():
    path = os.environ.get("ABACUS_BIN") or os.path.join(SOURCE, "build", "abacus")
    if not os.access(path, os.X_OK):
        pytest.exit("ABACUS_BIN does not name the abacus binary: %r" % path, 2)
    return os.path.abspath(path)


def find_tools():
    """(chromium, chromedriver, jupyter-notebook) paths, or skips naming what is missing."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    notebook = shutil.which("jupyter-notebook")
    missing = [pkg for pkg, path in (("chromium", chromium), ("chromium-driver", driver),
                                     ("jupyter-notebook", notebook)) if not path]
    if missing:
        pytest.skip("browser test needs the Debian packages %s (scripts/deps installs them)"
                    % ", ".join(missing))
    out = subprocess.run([notebook, "--version"], capture_output=True, text=True, timeout=30)
    version = out.stdout.strip()
    if out.returncode or not version or int(version.split(".")[0]) >= 7:
        pytest.skip("browser test drives the classic notebook (6.x); jupyter-notebook --version "
                    "says %r" % (version or out.stderr.strip()))
    return chromium, driver, notebook


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
    except urllib.error.HTTPError as e:
        raw = e.read()
        raise AssertionError("%s %s -> %d %s" % (method, url, e.code, raw[:2000])) from None
    return json.loads(raw) if raw else None


def wait_until(what, fn, timeout, step=0.2):
    deadline = time.monotonic() + timeout
    while True:
        value = fn()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out after %ss waiting for %s" % (timeout, what))
        time.sleep(step)


class WebDriver:
    """The few W3C WebDriver commands the test needs, over HTTP to chromedriver."""

    def __init__(self, url, chromium, profile):
        self.url = url
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "goog:chromeOptions": {"binary": chromium,
                                   "args": CHROMIUM_FLAGS + ["--user-data-dir=" + profile]},
        }}}
        self.sid = http("POST", url + "/session", caps, timeout=60)["value"]["sessionId"]

    def cmd(self, method, path, body=None, timeout=30):
        return http(method, "%s/session/%s%s" % (self.url, self.sid, path), body, timeout)["value"]

    def get(self, url):
        self.cmd("POST", "/url", {"url": url}, timeout=60)

    def js(self, script, *args):
        return self.cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find(self, css):
        """The first element matching css (a WebDriver element reference), or None."""
        found = self.cmd("POST", "/elements", {"using": "css selector", "value": css})
        return found[0] if found else None

    def screenshot(self, path, element=None):
        where = "/element/%s/screenshot" % next(iter(element.values())) if element \
            else "/screenshot"
        png = base64.b64decode(self.cmd("GET", where))
        with open(path, "wb") as f:
            f.write(png)
        return png

    def quit(self):
        try:
            self.cmd("DELETE", "", timeout=15)
        except Exception:
            pass


def stop(proc, timeout=10):
    """Ends a process this test started (its own process group), SIGKILL after timeout."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=timeout)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=5)


@pytest.fixture(scope="module")
def tools():
    return find_tools()


@pytest.fixture(scope="module")
def server(tools, tmp_path_factory):
    """The classic notebook server on a free loopback port: (base url, token, notebook dir)."""
    root = tmp_path_factory.mktemp("browser")
    subprocess.run([abacus_bin(), "install", "--prefix", str(root / "prefix")], check=True,
                   capture_output=True)
    nbdir = root / "notebooks"
    nbdir.mkdir()
    shutil.copy(os.path.join(SOURCE, "notebooks", NAME), nbdir / NAME)
    env = dict(os.environ)
    env.update(JUPYTER_PATH=str(root / "prefix" / "share" / "jupyter"),
               JUPYTER_DATA_DIR=str(root / "data"), JUPYTER_CONFIG_DIR=str(root / "config"),
               JUPYTER_RUNTIME_DIR=str(root / "runtime"), IPYTHONDIR=str(root / "ipython"))
    port, token = free_port(), base64.b32encode(os.urandom(15)).decode().lower()
    argv = [tools[2], "--no-browser", "--ip=127.0.0.1", "--port=%d" % port,
            "--port-retries=0", "--NotebookApp.token=" + token, "--NotebookApp.password=",
            "--NotebookApp.notebook_dir=" + str(nbdir), "--NotebookApp.open_browser=False",
            "--NotebookApp.disable_check_xsrf=False"]
    if os.geteuid() == 0:
        argv.append("--allow-root")
    log = open(root / "notebook.log", "wb")
    proc = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    base = "http://127.0.0.1:%d" % port

    def up():
        if proc.poll() is not None:
            raise AssertionError("jupyter notebook exited: %s"
                                 % (root / "notebook.log").read_text()[-3000:])
        try:
            return http("GET", "%s/api/status?token=%s" % (base, token), timeout=2) is not None
        except (OSError, AssertionError):
            return False

    try:
        wait_until("jupyter notebook to answer", up, 30)
        specs = http("GET", "%s/api/kernelspecs?token=%s" % (base, token))["kernelspecs"]
        assert "abacus" in specs, specs
        yield base, token, nbdir
    finally:
        try:  # shut the kernels down through the server, then the server itself
            for k in http("GET", "%s/api/kernels?token=%s" % (base, token), timeout=5):
                http("DELETE", "%s/api/kernels/%s?token=%s" % (base, k["id"], token), timeout=10)
        except Exception:
            pass
        stop(proc)
        log.close()


@pytest.fixture(scope="module")
def browser(tools, tmp_path_factory):
    root = tmp_path_factory.mktemp("chromium")
    port = free_port()
    log = open(root / "chromedriver.log", "wb")
    proc = subprocess.Popen([tools[1], "--port=%d" % port, "--allowed-ips=127.0.0.1"],
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    url = "http://127.0.0.1:%d" % port

    def ready():
        if proc.poll() is not None:
            raise AssertionError("chromedriver exited: %s"
                                 % (root / "chromedriver.log").read_text()[-3000:])
        try:
            return http("GET", url + "/status", timeout=2)["value"]["ready"]
        except (OSError, AssertionError, KeyError, TypeError):
            return False

    driver = None
    try:
        wait_until("chromedriver to answer", ready, 20)
        driver = WebDriver(url, tools[0], tempfile.mkdtemp(dir=str(root), prefix="profile-"))
        yield driver
    finally:
        if driver:
            driver.quit()
        stop(proc)
        log.close()


# The state of the page after the run: counts of what rendered, read in one script.
RENDERED = r"""
const out = document.querySelectorAll('#notebook-container .output_area');
const imgs = Array.from(document.querySelectorAll('.output_subarea img'));
const svgs = Array.from(document.querySelectorAll('.output_svg svg'));
return {
  outputs: out.length,
  images: imgs.map(i => [i.complete, i.naturalWidth, i.naturalHeight,
                         i.getBoundingClientRect().width]),
  svgs: svgs.length,
  svg_axes: svgs.map(s => s.querySelectorAll('g.axes').length),
  svg_lines: svgs.map(s => s.querySelectorAll('g.data path').length),
  svg_ticks: svgs.map(s => s.querySelectorAll('g.tick').length),
  tables: Array.from(document.querySelectorAll('.output_html table')).map(
      t => t.querySelectorAll('td').length),
  latex: document.querySelectorAll('.output_latex').length,
  errors: Array.from(document.querySelectorAll('.output_error')).map(e => e.innerText),
};
"""

# Every code cell ran (a number in its prompt, none pending) and the kernel reports idle.
DONE = r"""
const nb = Jupyter.notebook;
const cells = nb.get_cells().filter(c => c.cell_type === 'code');
const ran = cells.every(c => typeof c.input_prompt_number === 'number');
const icon = document.getElementById('kernel_indicator_icon');
const idle = icon && icon.classList.contains('kernel_idle_icon');
return ran && idle && nb.kernel && nb.kernel.is_connected() ? cells.length : 0;
"""


# The page box of each markdown heading's section (to the next heading), in screenshot pixels.
SECTIONS = r"""
const heads = Array.from(document.querySelectorAll('#notebook-container .text_cell_render h2'));
const nb = document.getElementById('notebook-container').getBoundingClientRect();
const out = {};
heads.forEach((h, i) => {
  const cell = h.closest('.cell');
  const next = i + 1 < heads.length ? heads[i + 1].closest('.cell') : null;
  const top = cell.getBoundingClientRect().top;
  const bottom = next ? next.getBoundingClientRect().top : nb.bottom;
  out[h.textContent.replace(/\u00b6/g, '').trim()] = [Math.round(nb.left), Math.round(top),
                                                     Math.round(nb.right), Math.round(bottom)];
});
return out;
"""


def shots_dir(tmp_path_factory):
    path = os.environ.get("ABACUS_BROWSER_SHOTS")
    if path:
        os.makedirs(path, exist_ok=True)
        return path
    return str(tmp_path_factory.mktemp("screenshots"))


def test_tour_renders_in_classic_notebook(server, browser, tmp_path_factory):
    base, token, _ = server
    shots = shots_dir(tmp_path_factory)
    t0 = time.monotonic()
    browser.get("%s/notebooks/%s?token=%s" % (base, NAME, token))
    wait_until("the notebook page and its kernel", lambda: browser.js(
        "return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded"
        " && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()"
        " && document.getElementById('kernel_indicator_icon')"
        "      .classList.contains('kernel_idle_icon'))"), 45)
    name = browser.js("return Jupyter.notebook.kernel.name")
    assert name == "abacus", name
    # Cell > Run All, as the menu does it (the saved outputs are cleared first, so everything
    # checked below was produced by this run).
    browser.js("Jupyter.notebook.clear_all_output();"
               "for (const c of Jupyter.notebook.get_cells())"
               "  if (c.cell_type === 'code') c.set_input_prompt(null);"
               "Jupyter.notebook.execute_all_cells();")
    ncells = wait_until("all cells to run and the kernel to go idle", lambda: browser.js(DONE), 60)
    wait_until("the images to load", lambda: browser.js(
        "return Array.from(document.querySelectorAll('.output_subarea img'))"
        ".every(i => i.complete)"), 10)
    # MathJax typesets the LaTeX outputs after they arrive (it waits for its web fonts).
    wait_until("MathJax to typeset", lambda: browser.js(
        "return !window.MathJax || (!document.querySelector('.MathJax_Processing')"
        " && MathJax.Hub.queue.pending === 0 && !MathJax.Hub.queue.running)"), 20)
    elapsed = time.monotonic() - t0

    state = browser.js(RENDERED)
    print("\nbrowser: %d code cells ran in %.1fs; screenshots in %s\n%s"
          % (ncells, elapsed, shots, json.dumps(state)))
    assert not state["errors"], state["errors"]
    # imshow and Image outputs: decoded PNGs with their natural size, drawn on the page.
    assert len(state["images"]) >= 5, state["images"]
    for complete, nw, nh, shown in state["images"]:
        assert complete and nw > 0 and nh > 0 and shown > 0, state["images"]
    assert [160, 120] in [[i[1], i[2]] for i in state["images"]]  # the colour image
    # pyplot figures as inline SVG: one Axes for the line plot, three for the subplots, each
    # with ticks and drawn data.
    assert state["svgs"] >= 2 and sorted(state["svg_axes"]) == [1, 3], state
    assert all(n > 0 for n in state["svg_lines"]) and all(n > 4 for n in state["svg_ticks"])
    # HTML tables: the arrays' tables and the table built in the tour.
    assert len(state["tables"]) >= 4 and all(n > 0 for n in state["tables"]), state["tables"]
    assert state["latex"] >= 1

    assert browser.js("return document.querySelectorAll('.output_latex .MathJax_Display').length")
    # Pictures of the page as a person sees it: from the top, nothing selected.
    browser.js("Jupyter.notebook.select(0); Jupyter.notebook.command_mode();"
               "document.getElementById('site').scrollTop = 0;")
    browser.screenshot(os.path.join(shots, "tour-top.png"))
    for css, name in ((".output_svg", "tour-plot.png"),
                      (".output_subarea img[width='320']", "tour-image.png")):
        el = browser.find(css)
        assert el, css
        png = browser.screenshot(os.path.join(shots, name), el)
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 1000
    # The whole notebook on one tall page: grow the window to the content's height.
    height = browser.js("return document.getElementById('notebook').scrollHeight + 120")
    browser.cmd("POST", "/window/rect", {"width": 1280, "height": min(int(height), 8000)})
    time.sleep(0.3)
    browser.js("document.getElementById('site').scrollTop = 0;")
    # Where the sections are on that page (for make_readme_screenshot.py to crop).
    boxes = browser.js(SECTIONS)
    with open(os.path.join(shots, "tour-full.json"), "w") as f:
        json.dump(boxes, f, indent=1)
    png = browser.screenshot(os.path.join(shots, "tour-full.png"))
    assert len(png) > 10000 and boxes["Plots"][3] > boxes["Plots"][1]
