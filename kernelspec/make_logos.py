#!/usr/bin/python3
"""Draws the Abacus logo (a small abacus: frame, three rods, beads) as logo-32x32.png and
logo-64x64.png with zlib and struct only. Run once; the PNGs are committed."""
import os
import struct
import zlib

FRAME = (101, 67, 33, 255)
ROD = (180, 160, 130, 255)
BEADS = [(220, 60, 50, 255), (240, 170, 30, 255), (40, 120, 200, 255)]
CLEAR = (0, 0, 0, 0)


def draw(n):
    px = [[CLEAR] * n for _ in range(n)]

    def rect(x0, y0, x1, y1, c):
        for y in range(max(0, int(y0)), min(n, int(y1))):
            for x in range(max(0, int(x0)), min(n, int(x1))):
                px[y][x] = c

    u = n / 32.0
    rect(1 * u, 2 * u, 31 * u, 5 * u, FRAME)     # top bar
    rect(1 * u, 27 * u, 31 * u, 30 * u, FRAME)   # bottom bar
    rect(1 * u, 2 * u, 4 * u, 30 * u, FRAME)     # left post
    rect(28 * u, 2 * u, 31 * u, 30 * u, FRAME)   # right post
    beads = [(3, 2), (1, 3), (2, 1)]             # beads left / right of the gap per rod
    for row, (left, right) in enumerate(beads):
        cy = (9 + row * 7) * u
        rect(4 * u, cy - 0.6 * u, 28 * u, cy + 0.6 * u + (1 if n < 64 else 0), ROD)
        colour = BEADS[row]
        slots = [5 + 3.7 * i for i in range(left)] + [24 - 3.7 * i for i in range(right)]
        for x in slots:
            for y in range(int(cy - 2.4 * u), int(cy + 2.4 * u) + 1):
                for xx in range(int(x * u), int((x + 3.2) * u)):
                    dx = (xx + 0.5 - (x + 1.6) * u) / (1.6 * u)
                    dy = (y + 0.5 - cy) / (2.4 * u)
                    if dx * dx + dy * dy <= 1.0 and 0 <= y < n and 0 <= xx < n:
                        px[y][xx] = colour
    return px


def png(px):
    h, w = len(px), len(px[0])
    raw = b"".join(b"\x00" + b"".join(struct.pack("4B", *p) for p in row) for row in px)

    def chunk(tag, data):
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for n in (32, 64):
        with open(os.path.join(here, "logo-%dx%d.png" % (n, n)), "wb") as f:
            f.write(png(draw(n)))
