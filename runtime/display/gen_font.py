#!/usr/bin/python3
"""Writes font.c: the small anti-aliased bitmap font the PNG renderer (raster.c) draws figure
text with: DejaVu Sans (matplotlib's default face) rendered by Pillow at an em of EM pixels,
4-bit coverage per pixel, for printable ASCII plus the few other characters figures use (the
minus sign of tick labels, the ellipsis, degree, micro, multiplication sign).

Run from anywhere: /usr/bin/python3 runtime/display/gen_font.py (needs python3-pil and
fonts-dejavu-core). The output is committed; the build does not run this.
"""
import os

from PIL import Image, ImageDraw, ImageFont

EM = 24
FACE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
EXTRA = [0x2212, 0x2026, 0xB0, 0xB5, 0xD7]


def glyph(font, cp):
    ch = chr(cp)
    adv = font.getlength(ch)
    l, t, r, b = font.getbbox(ch, anchor="ls")
    w, h = max(r - l, 0), max(b - t, 0)
    bits = []
    if w and h:
        img = Image.new("L", (w, h), 0)
        ImageDraw.Draw(img).text((-l, -t), ch, font=font, fill=255, anchor="ls")
        ink = img.getbbox()  # the box Pillow reports starts at the pen: crop to the ink
        if not ink:
            return cp, adv, 0, 0, 0, 0, []
        img = img.crop(ink)
        l, t, w, h = l + ink[0], t + ink[1], ink[2] - ink[0], ink[3] - ink[1]
        px = list(img.getdata())
        bits = [(v * 15 + 127) // 255 for v in px]
    return cp, adv, l, t, w, h, bits


def main():
    font = ImageFont.truetype(FACE, EM)
    cps = sorted(list(range(32, 127)) + EXTRA)  # raster.c searches by code point
    glyphs = [glyph(font, cp) for cp in cps]
    data, rows = [], []
    for cp, adv, l, t, w, h, bits in glyphs:
        if len(bits) % 2:
            bits.append(0)
        rows.append("    {0x%04x, %d, %d, %d, %d, %d, %d}," % (cp, round(adv * 16), l, t, w, h,
                                                           len(data)))
        data.extend(bits[i] << 4 | bits[i + 1] for i in range(0, len(bits), 2))
    out = ["/* font.c: DejaVu Sans at an em of %d px, 4-bit coverage, for the PNG renderer of"
           " figures. GENERATED" % EM,
           " * by gen_font.py: do not edit by hand. */",
           '#include "font.h"', "",
           "const int FONT_EM = %d;" % EM, "",
           "/* code point, advance (1/16 px), left, top (from the baseline, down is +), width,"
           " height, offset */",
           "const FontGlyph FONT_GLYPHS[] = {"]
    out += rows
    out += ["};", "const int FONT_NGLYPHS = %d;" % len(rows), "",
            "/* Two pixels a byte, high nibble first, rows packed (a glyph starts on a byte). */",
            "const unsigned char FONT_BITS[] = {"]
    for i in range(0, len(data), 16):
        out.append("    " + ", ".join("0x%02x" % v for v in data[i:i + 16]) + ",")
    out += ["};", ""]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "font.c")
    with open(path, "w") as f:
        f.write("\n".join(out))
    print("wrote %s: %d glyphs, %d bytes of coverage" % (path, len(rows), len(data)))


if __name__ == "__main__":
    main()
