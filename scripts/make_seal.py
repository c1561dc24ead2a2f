#!/usr/bin/env python3
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
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


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
