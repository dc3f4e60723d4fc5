"""notebooks/display-tour.ipynb executed by `jupyter nbconvert --execute` on the Abacus kernel
(installed into a temporary JUPYTER_PATH), then exported to HTML: the outputs carry the expected
mime types, the PNGs decode to the right sizes and pixel values, and the HTML holds them."""
import base64
import os
import subprocess

import nbformat
import pytest

from conftest import SOURCE, abacus_bin, decode_png

NAME = "display-tour.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    root = tmp_path_factory.mktemp("tour")
    subprocess.run([abacus_bin(), "install", "--prefix", str(root / "prefix")], check=True,
                   capture_output=True)
    env = dict(os.environ)
    env["JUPYTER_PATH"] = str(root / "prefix" / "share" / "jupyter")
    env["JUPYTER_DATA_DIR"] = str(root / "data")
    subprocess.run(["jupyter", "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.kernel_name=abacus",
                    "--ExecutePreprocessor.timeout=120", "--output-dir", str(root),
                    os.path.join(SOURCE, "notebooks", NAME)],
                   check=True, env=env, capture_output=True, timeout=300)
    out = root / NAME
    html = subprocess.run(["jupyter", "nbconvert", "--to", "html", "--output-dir", str(root),
                           str(out)], env=env, capture_output=True, timeout=300)
    assert html.returncode == 0, html.stderr.decode()
    return nbformat.read(str(out), as_version=4), (root / NAME.replace(".ipynb", ".html")).read_text()


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def rich(cell):
    return [o for o in cell.outputs if o.output_type in ("display_data", "execute_result")]


def test_runs_without_errors(executed):
    nb, _ = executed
    cells = code_cells(nb)
    assert all(c.execution_count == i + 1 for i, c in enumerate(cells))
    errors = [o for c in cells for o in c.outputs if o.output_type == "error"]
    assert not errors, errors


def test_matrices(executed):
    cells = code_cells(executed[0])
    a = rich(cells[1])[0].data
    assert a["text/plain"] == ("array([[ 0,  1,  2,  3],\n       [ 4,  5,  6,  7],\n"
                               "       [ 8,  9, 10, 11]])")
    assert "shape (3, 4)" in a["text/html"] and "bmatrix" in a["text/latex"]
    assert rich(cells[2])[0].data["text/plain"] == ("array([[ 3.5   , -5.25  ],\n"
                                                   "       [ 2.625 , 10.0625]])")
    big = rich(cells[4])[0].data
    assert "…" in big["text/html"] and "text/latex" not in big


def test_gradient_images(executed):
    cell = code_cells(executed[0])[5]
    outs = rich(cell)
    assert [list(o.data) for o in outs] == [["image/png", "text/plain"]] * 3
    decoded = [decode_png(o.data["image/png"]) for o in outs]
    for (w, h, ch, rows), o in zip(decoded, outs):
        assert (w, h) == (256, 48) and o.metadata["image/png"] == {"width": 256, "height": 48}
    assert [p[0] for p in decoded[0][3][7]] == list(range(256))
    assert [p[0] for p in decoded[1][3][7]] == [255 - x for x in range(256)]
    assert [p[0] for p in decoded[2][3][7]] == [0] * 128 + [255] * 128


def test_colour_images(executed):
    cells = code_cells(executed[0])
    o = rich(cells[6])[0]
    w, h, ch, rows = decode_png(o.data["image/png"])
    assert (w, h, ch) == (160, 120, 3) and o.metadata["image/png"] == {"width": 320, "height": 240}
    assert rows[0][0] == (0, 0, 0) and rows[119][159][:2] == (255, 255)
    w, h, ch, rows = decode_png(rich(cells[7])[0].data["image/png"])
    assert (w, h, ch) == (160, 120, 3)


def test_plots(executed):
    cells = code_cells(executed[0])
    line = [o for o in rich(cells[8]) if "image/svg+xml" in o.data]
    assert len(line) == 1
    svg = line[0].data["image/svg+xml"]
    assert ">Trigonometry</text>" in svg and ">angle (rad)</text>" in svg and 'class="legend"' in svg
    grid = [o for o in rich(cells[9]) if "image/svg+xml" in o.data]
    assert len(grid) == 1
    svg = grid[0].data["image/svg+xml"]
    assert all('id="axes_%d"' % i in svg for i in (1, 2, 3)) and ">north</text>" in svg


def test_table_updates_and_latex(executed):
    cells = code_cells(executed[0])
    assert rich(cells[10])[0].data["text/html"].count("<tr>") == 4
    assert rich(cells[11])[0].data["text/markdown"] == "progress: 100%"  # updated in place
    assert rich(cells[12])[0].data["text/latex"].startswith("$$\\sum")


def test_html_export_has_everything(executed):
    _, html = executed
    assert html.count("data:image/png;base64,") >= 5
    assert html.count("<svg") >= 2
    assert "Trigonometry" in html and "<table" in html and "shape (3, 4)" in html


def test_pngs_decode_with_pil_too(executed):
    pil = pytest.importorskip("PIL.Image")
    import io
    cell = code_cells(executed[0])[5]
    img = pil.open(io.BytesIO(base64.b64decode(rich(cell)[1].data["image/png"])))
    assert img.size == (256, 48) and img.getpixel((10, 5)) in (245, (245,))
