#!/usr/bin/env python3
"""Simulates printing, stamping and scanning a text PDF: an image-only PDF a bureau would receive.

Run in the OCR virtual environment (it needs Pillow and numpy; scripts/setup.sh installs them):

    make_scan.py FORM.pdf SCAN.pdf [--seed N] [--omit-seal K] [--drop-page P] [--swap-pages P]

Each page is rendered with pdftoppm at 200 dpi, a red round seal (42 mm) is pressed over every
盖章/公章 label the text layer shows (pdftotext -bbox), then the page is rotated (±1.5°), scaled
(±1.5 %), blurred, given sensor noise and saved as JPEG quality 75; the pages become one PDF with
no text layer. The page's random draws depend only on --seed and the page's own number, so two
scans with the same seed differ only on the pages whose content differs.

    make_scan.py blank-seal OUT.png   a fully transparent 496×496 PNG (a form printed for stamping)
"""
import argparse
import io
import math
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

DPI = 200
SEAL_MM = 42
# A place to stamp: 申报单位（盖章）, 推荐单位(公章), 联合单位（盖章）; the same rule as ShenbaoCheck's SealPlace.
LABEL = re.compile("单位[（(](盖章|公章)[）)]")
FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"


def seal_labels(pdf, omit_after=None):
    """(page, x_px, y_px) where each 盖章/公章 label's seal goes; without the first label that
    follows the text omit_after (e.g. 真实性承诺) when given."""
    xhtml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True, timeout=60).stdout.decode()
    out = []
    omit_armed = False
    for page_no, page in enumerate(xhtml.split("<page ")[1:], start=1):
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page):
            text = m.group(5)
            if omit_after and omit_after in text:
                omit_armed = True
            for label in LABEL.finditer(text):
                if omit_armed:
                    omit_armed = False
                    omit_after = None
                    continue
                x0, y0, x1, y1 = (float(m.group(i)) * DPI / 72 for i in range(1, 5))
                # CJK words are runs of equal-width characters: the label ends at its share of the word.
                end = x0 + (x1 - x0) * label.end() / len(text)
                out.append((page_no, end + 15 / 25.4 * DPI, (y0 + y1) / 2))
    return out


def draw_seal(page, cx, cy, rng):
    """Presses a red round seal centred near (cx, cy): ring, star, arc of characters; multiplied
    onto the page like ink, so the print under it stays visible."""
    d = SEAL_MM / 25.4 * DPI
    size = int(d) + 8
    seal = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(seal)
    c = size / 2
    r = d / 2
    draw.ellipse([c - r, c - r, c + r, c + r], outline=255, width=9)
    star = []
    for k in range(10):
        rr = r * (0.28 if k % 2 == 0 else 0.11)
        a = -math.pi / 2 + k * math.pi / 5
        star.append((c + rr * math.cos(a), c + rr * math.sin(a)))
    draw.polygon(star, fill=255)
    font = ImageFont.truetype(FONT, int(r * 0.22))
    text = "山东省数据示范单位专用章"
    for k, ch in enumerate(text):
        a = math.radians(-150 + k * 300 / (len(text) - 1)) - math.pi / 2
        glyph = Image.new("L", (int(r * 0.3), int(r * 0.3)), 0)
        ImageDraw.Draw(glyph).text((0, 0), ch, fill=255, font=font)
        glyph = glyph.rotate(-math.degrees(a) - 90, expand=True)
        gx = c + r * 0.75 * math.cos(a) - glyph.width / 2
        gy = c + r * 0.75 * math.sin(a) - glyph.height / 2
        seal.paste(255, (int(gx), int(gy)), glyph)
    seal = seal.rotate(rng.uniform(-20, 20)).filter(ImageFilter.GaussianBlur(0.8))
    alpha = np.asarray(seal, dtype=np.float32) / 255 * rng.uniform(0.75, 0.95)
    x0 = int(cx - size / 2 + rng.uniform(-40, 40))
    y0 = int(cy - size / 2 + rng.uniform(-25, 25))
    arr = np.asarray(page, dtype=np.float32).copy()
    h, w = arr.shape[:2]
    sx0, sy0 = max(0, -x0), max(0, -y0)
    sx1, sy1 = min(size, w - x0), min(size, h - y0)
    region = arr[y0 + sy0:y0 + sy1, x0 + sx0:x0 + sx1]
    a = alpha[sy0:sy1, sx0:sx1, None]
    ink = np.array([205, 30, 35], dtype=np.float32)
    region[:] = region * (1 - a) + region * (ink / 255) * a
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8))


def scan_page(page, rng):
    """Rotation, scale, blur, noise and JPEG, as a flatbed scanner and its compression give them."""
    w, h = page.size
    angle = rng.uniform(-1.5, 1.5)
    scale = 1 + rng.uniform(-0.015, 0.015)
    page = page.rotate(angle, resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    scaled = page.resize((round(w * scale), round(h * scale)), Image.BICUBIC)
    canvas = Image.new("RGB", (w, h), (255, 255, 255))
    canvas.paste(scaled, ((w - scaled.width) // 2, (h - scaled.height) // 2))
    page = canvas.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 0.9)))
    arr = np.asarray(page, dtype=np.float32)
    arr = arr * rng.uniform(0.93, 0.98) + rng.uniform(5, 12) + rng.normal(0, 5, arr.shape)
    page = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    page.save(buffer, "JPEG", quality=75)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "blank-seal":
        Image.new("RGBA", (496, 496), (0, 0, 0, 0)).save(sys.argv[2])
        return
    p = argparse.ArgumentParser(description="Simulated stamped scan of a text PDF.")
    p.add_argument("pdf")
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--omit-seal", type=int, action="append", default=[], help="1-based seal label to leave unstamped")
    p.add_argument("--omit-seal-after", help="leave unstamped the first seal label after this text (e.g. 真实性承诺)")
    p.add_argument("--drop-page", type=int, action="append", default=[])
    p.add_argument("--swap-pages", type=int, help="swap page P with page P+1")
    args = p.parse_args()
    labels = seal_labels(args.pdf, args.omit_seal_after)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(DPI), "-png", args.pdf, os.path.join(tmp, "p")], check=True, timeout=300)
        files = sorted(f for f in os.listdir(tmp) if f.endswith(".png"))
        pages = []
        for number, name in enumerate(files, start=1):
            rng = np.random.default_rng([args.seed, number])
            page = Image.open(os.path.join(tmp, name)).convert("RGB")
            for k, (label_page, x, y) in enumerate(labels, start=1):
                if label_page == number and k not in args.omit_seal:
                    page = draw_seal(page, x, y, rng)
            pages.append(scan_page(page, rng))
    if args.swap_pages:
        i = args.swap_pages - 1
        pages[i], pages[i + 1] = pages[i + 1], pages[i]
    pages = [pg for n, pg in enumerate(pages, start=1) if n not in args.drop_page]
    pages[0].save(args.out, "PDF", resolution=DPI, save_all=True, append_images=pages[1:], quality=75)
    print(f"{args.out}: {len(pages)} pages, {len(labels)} seal labels", file=sys.stderr)


if __name__ == "__main__":
    main()
