#!/usr/bin/env python3
"""Draws a red ring seal (公章) as a PNG with a transparent background, using only zlib and struct.

A placeholder for a unit's real seal scan in samples and tests: a ring and a five-pointed
star, 42 mm across (the pHYs chunk says so); 496 px by default. No text (that needs a font).

    python3 scripts/make_seal.py samples/sd-lab-2022/公章.png [size_px]
"""
import math
import struct
import sys
import zlib

RED = (0xD4, 0x1F, 0x26)


def star_contains(x, y, cx, cy, r_outer):
    """Whether (x, y) is inside a five-pointed star centred at (cx, cy), point up."""
    r_inner = r_outer * 0.382
    points = []
    for k in range(10):
        r = r_outer if k % 2 == 0 else r_inner
        a = -math.pi / 2 + k * math.pi / 5
        points.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    inside = False
    j = len(points) - 1
    for i in range(len(points)):
        xi, yi = points[i]
        xj, yj = points[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def coverage(x, y, size):
    """Opacity 0..1 of pixel (x, y), with 4x4 supersampling for smooth edges."""
    c = size / 2
    r = size / 2 - 2
    hits = 0
    for sx in range(4):
        for sy in range(4):
            px = x + (sx + 0.5) / 4
            py = y + (sy + 0.5) / 4
            d = math.hypot(px - c, py - c)
            ring = r * 0.93 <= d <= r
            star = star_contains(px, py, c, c, r * 0.36)
            hits += ring or star
    return hits / 16


def png(size):
    rows = bytearray()
    for y in range(size):
        rows.append(0)  # filter: none
        for x in range(size):
            a = coverage(x, y, size)
            rows += bytes((*RED, int(round(a * 0.92 * 255))))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    ppm = round(size / 0.042)  # pixels per metre, so the image is 42 mm across
    phys = struct.pack(">IIB", ppm, ppm, 1)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"pHYs", phys)
            + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "公章.png"
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 496
    with open(out, "wb") as f:
        f.write(png(size))
