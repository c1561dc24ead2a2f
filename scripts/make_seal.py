#!/usr/bin/env python3
<<<<<<< HEAD
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
=======
"""Draw a sample official seal (公章) as an RGBA PNG: a red ring with a five-pointed star.

Stdlib only (zlib + struct), deterministic: the same arguments give byte-identical files.
The default 500 px square is a 42 mm seal at 300 dpi. The image carries a pHYs chunk for 300 dpi.

    python3 scripts/make_seal.py samples/sd-lab-2022/公章.png [--size 500] [--variant 0]

--variant shifts the shade and adds an inner ring (odd variants) so that the applicant's and
the recommender's seals can be told apart in a rendered page.
"""
import argparse
import math
import struct
import zlib

SUPERSAMPLE = 3  # sub-samples per axis for anti-aliased edges


def star_polygon(cx, cy, outer, inner):
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def inside_polygon(x, y, poly):
    inside = False
    j = len(poly) - 1
    for i in range(len(poly)):
        xi, yi = poly[i]
        xj, yj = poly[j]
>>>>>>> forms
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


<<<<<<< HEAD
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
=======
def coverage_grid(size, variant):
    c = size / 2.0
    ring_outer = size * 0.48
    ring_inner = ring_outer - size * 0.035
    inner_ring = (ring_inner - size * 0.04, ring_inner - size * 0.05) if variant % 2 else None
    star = star_polygon(c, c, size * 0.2, size * 0.2 * 0.382)
    sx0, sx1 = c - size * 0.21, c + size * 0.21
    n = SUPERSAMPLE
    offsets = [(k + 0.5) / n for k in range(n)]
    rows = []
    for y in range(size):
        row = bytearray(size)
        for x in range(size):
            hits = 0
            for oy in offsets:
                py = y + oy
                for ox in offsets:
                    px = x + ox
                    d = math.hypot(px - c, py - c)
                    if ring_inner <= d <= ring_outer:
                        hits += 1
                    elif inner_ring and inner_ring[1] <= d <= inner_ring[0]:
                        hits += 1
                    elif sx0 <= px <= sx1 and sx0 <= py <= sx1 and inside_polygon(px, py, star):
                        hits += 1
            row[x] = (hits * 255) // (n * n)
        rows.append(row)
    return rows


def png_chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def encode_png(rows, size, color):
    r, g, b = color
    raw = bytearray()
    for row in rows:
        raw.append(0)  # filter: none
        for alpha in row:
            raw += bytes((r, g, b, alpha))
    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    ppm = round(300 / 0.0254)  # 300 dpi in pixels per metre
    phys = struct.pack(">IIB", ppm, ppm, 1)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"pHYs", phys)
            + png_chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + png_chunk(b"IEND", b""))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--size", type=int, default=500)
    parser.add_argument("--variant", type=int, default=0)
    args = parser.parse_args()
    color = (214, 24, 32) if args.variant % 2 == 0 else (200, 16, 46)
    rows = coverage_grid(args.size, args.variant)
    with open(args.output, "wb") as out:
        out.write(encode_png(rows, args.size, color))


if __name__ == "__main__":
    main()
>>>>>>> forms
