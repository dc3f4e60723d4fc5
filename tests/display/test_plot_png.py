"""pyplot figures as PNG: rcParams['figure.format'] = 'png' shows them as image/png, and
savefig('x.png') writes PNG files, both drawn by runtime/display/raster.c from the figure's SVG
and encoded by png.c. The PNGs are decoded here (zlib + struct) and checked pixel by pixel:
size from figsize and dpi, a white background, black spines where the axes are, the lines'
colours where the data are, text pixels in the title's place."""
import pytest

from conftest import decode_png, run


@pytest.fixture(scope="module", autouse=True)
def imports(kernel):
    r = run(kernel[1], "import numpy as np\nimport matplotlib.pyplot as plt\n"
                       "import matplotlib")
    assert r.error is None, r.error
    yield
    run(kernel[1], "plt.rcParams['figure.format'] = 'svg'\nplt.close('all')")


BLUE = (0x1f, 0x77, 0xb4)  # tab10's first colour: the first line
ORANGE = (0xff, 0x7f, 0x0e)


def near(p, c, tol=40):
    return all(abs(a - b) <= tol for a, b in zip(p[:3], c))


def count(rows, pred, box=None):
    h, w = len(rows), len(rows[0])
    x0, y0, x1, y1 = box or (0, 0, w, h)
    return sum(1 for y in range(y0, y1) for x in range(x0, x1) if pred(rows[y][x]))


def dark(p):
    return p[0] < 80 and p[1] < 80 and p[2] < 80


def spines(rows):
    """The axes frame: the first and last columns and rows that are mostly dark."""
    h, w = len(rows), len(rows[0])
    cols = [x for x in range(w) if count(rows, dark, (x, 0, x + 1, h)) > h * 0.5]
    lines = [y for y in range(h) if count(rows, dark, (0, y, w, y + 1)) > w * 0.5]
    assert cols and lines, "no axes frame found"
    return cols[0], lines[0], cols[-1], lines[-1]


def test_figure_format_png_shows_image_png(kc):
    r = run(kc, "plt.rcParams['figure.format'] = 'png'\n"
                "x = np.linspace(0, 1, 50)\n"
                "plt.figure(figsize=(4, 3))\n"
                "plt.plot(x, x, lw=3)\n"
                "plt.plot(x, 1 - x, lw=3)\n"
                "plt.title('Lines')")
    assert r.error is None, r.error
    assert len(r.displays) == 1
    data = r.displays[0]["content"]["data"]
    assert "image/png" in data and "image/svg+xml" not in data
    assert data["text/plain"] == "<Figure size 400x300 with 1 Axes>"
    meta = r.displays[0]["content"]["metadata"]["image/png"]
    w, h, ch, rows = decode_png(data["image/png"])
    assert (w, h) == (400, 300) and (meta["width"], meta["height"]) == (400, 300)
    assert ch == 4 and rows[0][0] == (255, 255, 255, 255)
    left, top, right, bottom = spines(rows)
    # matplotlib's default box: left 0.125, right 0.9, bottom 0.11, top 0.88 of the figure
    assert abs(left - 50) <= 2 and abs(right - 360) <= 2
    assert abs(top - 36) <= 2 and abs(bottom - 267) <= 2
    inside = (left + 2, top + 2, right - 1, bottom - 1)
    assert count(rows, lambda p: near(p, BLUE), inside) > 300
    assert count(rows, lambda p: near(p, ORANGE), inside) > 300
    # data to pixels: limits -0.05 .. 1.05 on both axes (5% margins)
    def at(x, y):
        return rows[round(bottom - (y + 0.05) / 1.1 * (bottom - top))][
            round(left + (x + 0.05) / 1.1 * (right - left))]
    for x in (0.1, 0.3, 0.7):
        assert near(at(x, x), BLUE, 60) and near(at(x, 1 - x), ORANGE, 60)
    assert at(0.1, 0.5) == (255, 255, 255, 255)
    # the title's text, centred above the axes; nothing dark in the empty top corners
    assert count(rows, dark, ((left + right) // 2 - 40, 0, (left + right) // 2 + 40, top - 2)) > 20
    assert count(rows, dark, (0, 0, 40, top - 2)) == 0


def test_png_follows_figure_dpi_and_back_to_svg(kc):
    r = run(kc, "plt.rcParams['figure.dpi'] = 50\nplt.figure(figsize=(4, 3))\nplt.bar([1, 2], [3, 4])")
    run(kc, "plt.rcParams['figure.dpi'] = 100")
    assert r.error is None, r.error
    w, h, _, rows = decode_png(r.displays[0]["content"]["data"]["image/png"])
    assert (w, h) == (200, 150)
    assert count(rows, lambda p: near(p, BLUE, 10)) > 1000  # the filled bars
    r = run(kc, "plt.rcParams['figure.format'] = 'svg'\n"
                "plt.plot([1, 2])")
    assert "image/svg+xml" in r.displays[0]["content"]["data"]


def test_savefig_png(kc, tmp_path):
    path = tmp_path / "fig.png"
    r = run(kc, "fig, axes = plt.subplots(1, 2, figsize=(6, 3))\n"
                "axes[0].plot([0, 1, 2], [0, 2, 1], 'r--')\n"
                "axes[1].scatter([1, 2, 3], [3, 1, 2], s=100)\n"
                "fig.savefig(%r, dpi=80)\nplt.close()" % str(path))
    assert r.error is None and r.displays == []
    w, h, ch, rows = decode_png(path.read_bytes())
    assert (w, h, ch) == (480, 240, 4)
    red = count(rows, lambda p: near(p, (255, 0, 0), 30))
    assert 80 < red < 1200  # a dashed line: some red, far from a filled area
    assert count(rows, lambda p: near(p, BLUE, 20), (240, 0, 480, 240)) > 3 * 100
    r = run(kc, "plt.plot([1, 2])\nplt.savefig(%r, format='png')\nplt.close()"
                % str(tmp_path / "noext"))
    assert r.error is None and decode_png((tmp_path / "noext").read_bytes())[:2] == (640, 480)


def test_png_imshow_and_text(kc, tmp_path):
    path = tmp_path / "im.png"
    r = run(kc, "plt.figure(figsize=(3, 3))\n"
                "plt.imshow(np.array([[0., 1.], [1., 0.]]), cmap='gray')\n"
                "plt.text(0, 0, 'A', color='red', fontsize=20, ha='center', va='center')\n"
                "plt.savefig(%r)\nplt.close()" % str(path))
    assert r.error is None, r.error
    w, h, _, rows = decode_png(path.read_bytes())
    assert h == 300 and 300 <= w <= 330  # wider when the estimated tick labels overhang
    left, top, right, bottom = spines(rows)
    qx, qy = (right - left) // 4, (bottom - top) // 4
    # gray map: 1.0 white at the top right and bottom left, 0.0 black at the other corners
    assert near(rows[top + qy][right - qx], (255, 255, 255), 5)
    assert near(rows[bottom - qy][left + qx], (255, 255, 255), 5)
    assert near(rows[bottom - qy][right - qx], (0, 0, 0), 5)
    assert count(rows, lambda p: p[0] > 150 and p[1] < 90 and p[2] < 90,
                 (left, top, left + 2 * qx, top + 2 * qy)) > 15  # the red letter over black


def test_png_errors(kc, tmp_path):
    r = run(kc, "plt.plot([1, 2])\nplt.savefig(%r, dpi=-5)" % str(tmp_path / "a.png"))
    assert r.error == "ValueError: dpi must be a positive number, not -5"
    r = run(kc, "plt.savefig(%r, dpi=1e5)" % str(tmp_path / "b.png"))
    assert r.error == ("ValueError: a 6.4x4.8 in figure at dpi 100000 is outside PNG's range "
                       "(1 to 50000000 pixels)")
    r = run(kc, "plt.savefig(%r, dpi=0.01)" % str(tmp_path / "b.png"))
    assert r.error.startswith("ValueError: a 6.4x4.8 in figure at dpi 0.01 is outside")
    r = run(kc, "plt.close()\nplt.plot([float('nan'), 1, 2, float('nan'), 3])\n"
                "plt.savefig(%r)\nplt.close()" % str(tmp_path / "c.png"))
    assert r.error is None and decode_png((tmp_path / "c.png").read_bytes())[0] == 640


def test_labels_past_the_edge_grow_the_canvas(kc, tmp_path):
    """A short figure's xlabel falls below the figure: the canvas grows to show it (IPython's
    inline backend saves with bbox_inches='tight' for the same reason), in SVG and PNG alike."""
    r = run(kc, "plt.figure(figsize=(4, 2))\nplt.plot([1, 3, 2])\nplt.xlabel('time')\n"
                "plt.savefig(%r)\nplt.savefig(%r)\nplt.close()"
                % (str(tmp_path / "g.png"), str(tmp_path / "g.svg")))
    assert r.error is None, r.error
    svg = (tmp_path / "g.svg").read_text()
    assert 'width="288.0pt"' in svg and 'height="144.0pt"' not in svg
    w, h, _, rows = decode_png((tmp_path / "g.png").read_bytes())
    assert w == 400 and 200 < h < 240
    assert count(rows, dark, (150, 200, 250, h)) > 10  # the label, under the old bottom edge
