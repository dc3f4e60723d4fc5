#!/usr/bin/python3
"""Makes docs/display-tour.png, the README's screenshot, from the browser test's pictures:

    ABACUS_BROWSER_SHOTS=/tmp/shots ctest -R pytest_browser   (or pytest tests/browser)
    /usr/bin/python3 tests/browser/make_readme_screenshot.py /tmp/shots

It stacks the notebook's header (menu, toolbar, the Abacus kernel's name) over the "Plots"
section of the whole-page screenshot (tour-full.png, with the section boxes the test saved in
tour-full.json), reduces it to a palette (pngquant when installed, else Pillow's median cut) and
recompresses it (optipng when installed). Needs python3-pil; the result must stay under 200 KB.
Not a test: run it by hand when the tour's look changes.
"""
import json
import os
import shutil
import subprocess
import sys

from PIL import Image

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
OUT = os.path.join(ROOT, "docs", "display-tour.png")
SECTION = "Plots"
HEADER = 112  # the page's fixed header: logo, menu bar, toolbar
LIMIT = 200 * 1024


def main(shots):
    full = Image.open(os.path.join(shots, "tour-full.png")).convert("RGB")
    with open(os.path.join(shots, "tour-full.json")) as f:
        x0, y0, x1, y1 = json.load(f)[SECTION]
    x0, x1 = max(0, x0 - 10), min(full.width, x1 + 10)
    head = full.crop((x0, 0, x1, HEADER))
    body = full.crop((x0, y0, x1, y1))
    img = Image.new("RGB", (x1 - x0, head.height + body.height), "white")
    img.paste(head, (0, 0))
    img.paste(body, (0, head.height))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    tmp = OUT + ".tmp.png"
    img.save(tmp)
    if shutil.which("pngquant"):
        subprocess.run(["pngquant", "--force", "--skip-if-larger", "--speed", "1", "--quality",
                        "70-95", "--output", OUT, "128", tmp], check=True)
        os.remove(tmp)
    else:
        img.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(OUT, optimize=True)
        os.remove(tmp)
    if shutil.which("optipng"):
        subprocess.run(["optipng", "-quiet", "-o5", "-strip", "all", OUT], check=True)
    size = os.path.getsize(OUT)
    print("%s: %dx%d, %d bytes" % (OUT, img.width, img.height, size))
    if size > LIMIT:
        sys.exit("too large: %d bytes (limit %d)" % (size, LIMIT))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
