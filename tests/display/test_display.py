"""Rich output against the live kernel: array bundles (NumPy's repr, HTML tables, LaTeX),
IPython's display API (display, update_display, clear_output, HTML/Markdown/Latex/Image),
imshow PNGs decoded here and compared pixel by pixel, and pyplot figures as SVG."""
import base64
import math
import re

import pytest

from conftest import decode_png, run

np_ref = pytest.importorskip("numpy")  # the reference NumPy: its repr is the oracle


@pytest.fixture(scope="module", autouse=True)
def imports(kernel):
    r = run(kernel[1], "import numpy as np\nimport matplotlib.pyplot as plt")
    assert r.error is None, r.error


def data_of(r, kind="execute_result"):
    msgs = r.of(kind)
    assert msgs, [m["msg_type"] for m in r.msgs]
    return msgs[-1]["content"]["data"]


# ---------------------------------------------------------------- arrays

ARRAYS = [
    "np.arange(6).reshape(2, 3)",
    "np.array([0.5, 1.25, -3.0])",
    "np.array([[1e-7, 2.5], [3.0, 4e8]])",
    "np.array([1, 2, 3], dtype=np.uint8)",
    "np.array([[True, False], [False, True]])",
    "np.arange(2000).reshape(40, 50)",
    "np.arange(24).reshape(2, 3, 4)",
    "np.linspace(0, 1, 7)",
]


@pytest.mark.parametrize("expr", ARRAYS)
def test_array_text_plain_is_numpys_repr(kc, expr):
    r = run(kc, expr)
    assert r.error is None, r.error
    expected = repr(eval(expr, {"np": np_ref}))
    assert data_of(r)["text/plain"] == expected


def test_array_html_table(kc):
    d = data_of(run(kc, "np.arange(6).reshape(2, 3) * 10"))
    html = d["text/html"]
    assert "<table" in html and "</table>" in html
    assert re.search(r"<caption>[^<]*shape \(2, 3\)[^<]*int64[^<]*</caption>", html)
    assert "<thead><tr><th></th><th>0</th><th>1</th><th>2</th></tr></thead>" in html
    assert "<tr><th>1</th><td>30</td><td>40</td><td>50</td></tr>" in html
    assert "text-align:right" in html


def test_array_html_summarised_like_numpy(kc):
    d = data_of(run(kc, "np.arange(2000).reshape(40, 50)"))
    html = d["text/html"]
    assert "…" in html and "⋮" in html
    heads = re.findall(r"<th>(\d+)</th>", html.split("</thead>")[0])
    assert heads == ["0", "1", "2", "47", "48", "49"]
    rows = re.findall(r"<tr><th>(\d+)</th>", html.split("</thead>")[1])
    assert rows == ["0", "1", "2", "37", "38", "39"]
    assert "<td>1999</td>" in html
    assert "text/latex" not in d  # too big for a matrix


def test_array_html_cells_use_numpy_formatting(kc):
    d = data_of(run(kc, "np.array([[0.5, 1.0], [2.25, 3.0]])"))
    cells = re.findall(r"<td>([^<]*)</td>", d["text/html"])
    assert cells == ["0.5 ", "1.  ", "2.25", "3.  "] or cells == ["0.5", "1.", "2.25", "3."]


def test_array_html_escapes_and_shows_3d(kc):
    d = data_of(run(kc, "np.arange(24).reshape(2, 3, 4)"))
    assert "shape (2, 3, 4)" in d["text/html"]
    assert "<pre>" in d["text/html"] and "[[[ 0,  1,  2,  3]," in d["text/html"]
    assert "text/latex" not in d


def test_array_latex(kc):
    d = data_of(run(kc, "np.arange(6).reshape(2, 3)"))
    assert d["text/latex"] == "$$\\begin{bmatrix}0 & 1 & 2\\\\3 & 4 & 5\\end{bmatrix}$$"
    d = data_of(run(kc, "np.array([0.5, 1.25, -3.0])"))
    assert d["text/latex"] == "$$\\begin{bmatrix}0.5  & 1.25 & -3.  \\end{bmatrix}$$".replace(
        "0.5  ", "0.5 ").replace("-3.  ", "-3.  ") or "0.5" in d["text/latex"]
    assert d["text/latex"].startswith("$$\\begin{bmatrix}") and "1.25" in d["text/latex"]
    d = data_of(run(kc, "np.array([1e-7, 2.5])"))
    assert "\\times10^{-7}" in d["text/latex"]


def test_scalars_and_plain_values_are_text_only(kc):
    for expr, text in [("np.float64(2.5)", "2.5"), ("[1, 'a']", "[1, 'a']"), ("'x'", "'x'")]:
        assert data_of(run(kc, expr)) == {"text/plain": text}


# ---------------------------------------------------------------- IPython's display API

def test_display_objects(kc):
    r = run(kc, "display(HTML('<b>bold</b>'), Markdown('# Title'), Latex('$x^2$'))\n"
                "h = HTML('<i>x</i>')\nprint(repr(h), h.data)")
    d = [m["content"]["data"] for m in r.displays]
    assert d[0] == {"text/plain": "<IPython.core.display.HTML object>", "text/html": "<b>bold</b>"}
    assert d[1] == {"text/plain": "<IPython.core.display.Markdown object>",
                    "text/markdown": "# Title"}
    assert d[2] == {"text/plain": "<IPython.core.display.Latex object>", "text/latex": "$x^2$"}
    assert r.stdout == "<IPython.core.display.HTML object> <i>x</i>\n"


def test_display_object_as_cell_result(kc):
    assert data_of(run(kc, "HTML('<p>hi</p>')"))["text/html"] == "<p>hi</p>"


def test_display_keeps_order_with_prints(kc):
    r = run(kc, "print('before')\ndisplay(1)\nprint('after')")
    kinds = [(m["msg_type"], m["content"].get("text", "")) for m in r.outputs]
    assert kinds == [("stream", "before\n"), ("display_data", ""), ("stream", "after\n")]


def test_display_id_and_update(kc):
    r = run(kc, "h = display('first', display_id='counter')\nprint(h)\n"
                "update_display('second', display_id='counter')\nh.update('third')")
    first = r.displays[0]["content"]
    assert first["data"] == {"text/plain": "'first'"}
    assert first["transient"] == {"display_id": "counter"}
    ups = r.of("update_display_data")
    assert [u["content"]["data"]["text/plain"] for u in ups] == ["'second'", "'third'"]
    assert all(u["content"]["transient"]["display_id"] == "counter" for u in ups)
    assert r.stdout == "<DisplayHandle display_id=counter>\n"


def test_display_id_true_makes_an_id(kc):
    r = run(kc, "h = display(5, display_id=True)\nh.display_id")
    ident = r.displays[0]["content"]["transient"]["display_id"]
    assert re.fullmatch(r"[0-9a-f]{32}", ident)
    assert data_of(r)["text/plain"] == repr(ident)


def test_update_display_needs_an_id(kc):
    r = run(kc, "update_display(1)")
    assert r.error == ("TypeError: update_display() missing 1 required keyword-only argument: "
                       "'display_id'")


def test_clear_output(kc):
    r = run(kc, "print('x')\nclear_output()\nclear_output(wait=True)")
    kinds = [m["msg_type"] for m in r.outputs]
    assert kinds == ["stream", "clear_output", "clear_output"]
    assert [m["content"]["wait"] for m in r.of("clear_output")] == [False, True]


# ---------------------------------------------------------------- images

GRADIENT = "g = (np.zeros((6, 1)) + np.arange(256)).astype(np.uint8)\n"


def test_imshow_gray_gradient_inverted(kc):
    r = run(kc, GRADIENT + "imshow(255 - g, cmap='gray')")
    assert r.error is None, r.error
    (msg,) = r.displays
    content = msg["content"]
    assert content["metadata"]["image/png"] == {"width": 256, "height": 6}
    w, h, ch, rows = decode_png(content["data"]["image/png"])
    assert (w, h) == (256, 6)
    for row in rows:
        assert [px[0] for px in row] == [255 - x for x in range(256)]


def test_imshow_threshold_and_vmin_vmax(kc):
    r = run(kc, GRADIENT + "imshow((g > 127) * 1.0, cmap='gray')\n"
                           "imshow(g, cmap='gray', vmin=100, vmax=200)")
    _, _, _, bw = decode_png(r.displays[0]["content"]["data"]["image/png"])
    assert [px[0] for px in bw[0]] == [0] * 128 + [255] * 128
    _, _, _, clipped = decode_png(r.displays[1]["content"]["data"]["image/png"])
    row = [px[0] for px in clipped[0]]
    assert row[:101] == [0] * 101 and row[200:] == [255] * 56
    assert row[150] == 128


def test_imshow_colour_maps_match_matplotlib(kc):
    mpl = pytest.importorskip("matplotlib")
    r = run(kc, "v = np.linspace(0, 1, 256).reshape(1, 256)\n"
                "for name in ['viridis', 'magma', 'plasma', 'inferno', 'hot', 'coolwarm']:\n"
                "    imshow(v, cmap=name)\nimshow(v)")
    assert r.error is None, r.error
    names = ["viridis", "magma", "plasma", "inferno", "hot", "coolwarm", "viridis"]
    values = np_ref.linspace(0, 1, 256)
    for msg, name in zip(r.displays, names):
        _, _, ch, rows = decode_png(msg["content"]["data"]["image/png"])
        want = mpl.colormaps[name](values, bytes=True)[:, :3]
        assert [px[:3] for px in rows[0]] == [tuple(int(c) for c in p) for p in want], name


def test_imshow_rgb_and_rgba(kc):
    r = run(kc, "img = np.zeros((2, 3, 3), dtype=np.uint8)\nimg[0, 0] = [255, 0, 0]\n"
                "img[1, 2] = [10, 20, 30]\nimshow(img)\n"
                "f = np.zeros((1, 2, 4))\nf[0, 0] = [1.0, 0.5, 0.0, 1.0]\nf[0, 1] = [0, 0, 1, 0.5]\n"
                "imshow(f)")
    assert r.error is None, r.error
    w, h, ch, rows = decode_png(r.displays[0]["content"]["data"]["image/png"])
    assert (w, h, ch) == (3, 2, 3)
    assert rows[0][0] == (255, 0, 0) and rows[1][2] == (10, 20, 30) and rows[0][1] == (0, 0, 0)
    w, h, ch, rows = decode_png(r.displays[1]["content"]["data"]["image/png"])
    assert ch == 4 and rows[0] == [(255, 127, 0, 255), (0, 0, 255, 127)]


def test_imshow_nan_is_transparent(kc):
    r = run(kc, "a = np.array([[0.0, np.nan], [1.0, 0.5]])\nimshow(a, cmap='gray')")
    _, _, ch, rows = decode_png(r.displays[0]["content"]["data"]["image/png"])
    assert ch == 4 and rows[0][1][3] == 0 and rows[0][0] == (0, 0, 0, 255)


@pytest.mark.parametrize("code,error", [
    ("imshow(np.zeros((3, 4, 5)))", "TypeError: Invalid shape (3, 4, 5) for image data"),
    ("imshow(np.zeros(4))", "TypeError: Invalid shape (4,) for image data"),
    ("imshow(np.zeros((0, 3)))", "ValueError: cannot show an empty image of shape (0, 3)"),
    ("imshow(np.zeros((10000, 6000), dtype=np.uint8))",
     "ValueError: image of 6000x10000 pixels is too large: the limit is 50000000 pixels "
     "(50 megapixels)"),
    ("imshow(np.zeros((2, 2)), cmap='nope')", "ValueError: 'nope' is not a valid value for cmap"),
])
def test_imshow_errors(kc, code, error):
    r = run(kc, code)
    assert r.error is not None and r.error.startswith(error), r.error
    assert run(kc, "1 + 1").result["data"]["text/plain"] == "2"  # the kernel lives on


def test_image_object(kc):
    r = run(kc, GRADIENT + "im = Image(g, width=512)\nprint(repr(im), im.width, im.height)\n"
                           "display(im)")
    content = r.displays[0]["content"]
    assert content["data"]["text/plain"] == "<IPython.core.display.Image object>"
    assert content["metadata"]["image/png"] == {"width": 512, "height": 12}
    w, h, ch, rows = decode_png(content["data"]["image/png"])
    assert (w, h, ch) == (256, 6, 1) and [p[0] for p in rows[3]] == list(range(256))
    assert r.stdout == "<IPython.core.display.Image object> 512 12\n"


def test_image_from_file(kc, tmp_path):
    png = tmp_path / "tiny.png"
    r = run(kc, GRADIENT + "display(Image(g))")
    png.write_bytes(base64.b64decode(r.displays[0]["content"]["data"]["image/png"]))
    r = run(kc, "Image(%r)" % str(png))
    assert base64.b64decode(data_of(r)["image/png"]) == png.read_bytes()


# ---------------------------------------------------------------- plots

def svg_of(msg):
    return msg["content"]["data"]["image/svg+xml"]


def test_plot_shows_one_svg_at_the_end_of_the_cell(kc):
    r = run(kc, "x = np.linspace(0, 2 * np.pi, 50)\n"
                "plt.plot(x, np.sin(x), 'r--', label='sin')\n"
                "plt.plot(x, np.cos(x), marker='o', label='cos')\n"
                "plt.title('Waves & <tags>')\nplt.xlabel('angle')\nplt.ylabel('value')\n"
                "plt.legend()\nplt.grid(True)\nprint('drawn')")
    assert r.error is None, r.error
    (msg,) = r.displays
    assert msg["content"]["data"]["text/plain"] == "<Figure size 640x480 with 1 Axes>"
    svg = svg_of(msg)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert 'id="axes_1"' in svg and 'id="xtick_1"' in svg and 'id="ytick_1"' in svg
    assert ">Waves &amp; &lt;tags&gt;</text>" in svg
    assert ">angle</text>" in svg and ">value</text>" in svg
    assert 'class="legend"' in svg and ">sin</text>" in svg and ">cos</text>" in svg
    assert "stroke-dasharray" in svg and 'class="grid"' in svg
    assert "stroke:#ff0000" in svg
    # stdout first, the figure after the cell's code ran
    assert [m["msg_type"] for m in r.outputs] == ["stream", "display_data"]
    assert run(kc, "1").displays == []  # shown once, then closed


def test_ticks_are_nice_numbers(kc):
    r = run(kc, "plt.plot([0, 10], [0, 1])")
    labels = re.findall(r'class="ticklabel"[^>]*>([^<]*)<', svg_of(r.displays[0]))
    assert labels[:6] == ["0", "2", "4", "6", "8", "10"]
    assert labels[6:] == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]
    r = run(kc, "plt.plot([-3, 7], [1000, 3500])")
    labels = re.findall(r'class="ticklabel"[^>]*>([^<]*)<', svg_of(r.displays[0]))
    assert labels[0] == "\u22122" and "1000" in labels and "3500" in labels


def test_show_publishes_now_and_closes(kc):
    r = run(kc, "plt.plot([1, 2, 3])\nplt.show()\nprint('after')")
    kinds = [m["msg_type"] for m in r.outputs]
    assert kinds == ["display_data", "stream"]


def test_nan_breaks_lines(kc):
    r = run(kc, "plt.plot([1, 2, 3, 4, 5], [1, 2, float('nan'), 4, 5])")
    svg = svg_of(r.displays[0])
    paths = [p for p in re.findall(r'<path d="([^"]*)" style="fill:none;stroke:#1f77b4', svg)]
    assert len(paths) == 1 and paths[0].count("M") == 2 and "nan" not in svg.lower()


def test_subplots_bar_hist_scatter(kc):
    r = run(kc, "fig, axes = plt.subplots(2, 2, figsize=(8, 6))\n"
                "axes[0, 0].bar(['a', 'b', 'c'], [3, 1, 2], color='green')\n"
                "counts, edges, bars = axes[0, 1].hist(np.array([1., 2, 2, 3, 3, 3]), bins=3)\n"
                "axes[1, 0].scatter([1, 2, 3], [3, 1, 2], c=[0.1, 0.5, 0.9])\n"
                "axes[1][1].plot([1, 10, 100])\naxes[1][1].set_yscale('log')\n"
                "for ax in axes.flat:\n    ax.set_title('panel')\n"
                "print(fig, axes.shape, counts, edges)")
    assert r.error is None, r.error
    assert r.stdout == "<Figure size 800x600 with 4 Axes> (2, 2) [1. 2. 3.] [1.         " \
                       "1.66666667 2.33333333 3.        ]\n"
    svg = svg_of(r.displays[0])
    assert 'width="576.0pt" height="432.0pt"' in svg
    assert all('id="axes_%d"' % i in svg for i in range(1, 5))
    assert svg.count(">panel</text>") == 4
    assert svg.count('class="bar"') == 6 and "fill:#008000" in svg
    assert ">a</text>" in svg and ">c</text>" in svg
    assert "<tspan" in svg  # 10^k labels on the log axis


def test_savefig_writes_svg(kc, tmp_path):
    path = tmp_path / "fig.svg"
    r = run(kc, "plt.figure(figsize=(4, 3))\nplt.plot([1, 2], [3, 4])\nplt.savefig(%r)\n"
                "plt.close()" % str(path))
    assert r.error is None and r.displays == []
    text = path.read_text()
    assert text.startswith("<?xml") and 'width="288.0pt"' in text and 'id="axes_1"' in text
    r = run(kc, "plt.plot([1])\nplt.savefig(%r)\nplt.close()" % str(tmp_path / "x.jpg"))
    assert r.error == "ValueError: Format 'jpg' is not supported (supported formats: png, svg)"


def test_plot_errors_are_matplotlibs(kc):
    assert run(kc, "plt.plot([1, 2], [1, 2, 3])").error == (
        "ValueError: x and y must have same first dimension, but have shapes (2,) and (3,)")
    assert run(kc, "plt.plot([1, 2], foo=3)").error == (
        "AttributeError: Line2D.set() got an unexpected keyword argument 'foo'")
    assert run(kc, "plt.close('all')").error is None


def test_figure_value_displays_its_svg(kc):
    r = run(kc, "fig = plt.figure()\nplt.plot([1, 2])\nplt.close()\nfig")
    d = data_of(r)
    assert d["text/plain"] == "<Figure size 640x480 with 1 Axes>" and "<svg" in d["image/svg+xml"]
    assert r.displays == []


def test_imshow_in_axes_embeds_png(kc):
    r = run(kc, GRADIENT + "plt.imshow(g, cmap='gray')\nplt.title('img')")
    svg = svg_of(r.displays[0])
    m = re.search(r'href="data:image/png;base64,([^"]+)"', svg)
    w, h, ch, rows = decode_png(m.group(1))
    assert (w, h) == (256, 6) and rows[0][10][0] == 10
