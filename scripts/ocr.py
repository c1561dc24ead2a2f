#!/usr/bin/env python3
"""shenbao's OCR helper: reads scanned pages with RapidOCR and measures ink on them.

Run by ShenbaoCheck (ScanReader) with the OCR virtual environment's Python, one process per
document, so the models load once. Nothing is downloaded: the models are the ones inside the
rapidocr wheel, given by path, and any attempt to download raises.

    ocr.py read [--cache DIR] PAGE.png...    one JSON line per page ({"page", "width", "height"})
                                             and per text box ({"page", "box", "quad", "text",
                                             "confidence", "chars"}), pixels at the page's
                                             resolution; "chars" has one [x0, y0, x1, y1,
                                             confidence] per character of "text" (null for a
                                             space), or is left out when RapidOCR gave none;
                                             with --cache, each page's result is kept in
                                             DIR/pages by the image's SHA-256
    ocr.py measure REQUESTS.json             one JSON line per request: red ink in a rectangle
                                             ({"red": n}) or a checkbox inside one ({"found",
                                             "ticked", "box", "inner"})
    ocr.py evidence REQUESTS.json            one PNG per request: the scan's crop beside the
                                             expected text

Preprocessing for OCR: the red channel with levels pushed to white (R*255/170), which removes
a red seal's ink and keeps black print; the angle classifier is off (it garbled clean lines).
"""
import hashlib
import json
import os
import sys

os.environ.setdefault("OMP_NUM_THREADS", "2")


def emit(obj):
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def red_levelled(rgb):
    import numpy as np
    r = rgb[:, :, 0].astype(np.float32)
    return np.clip(r * (255.0 / 170.0), 0, 255).astype(np.uint8)


def engine():
    import rapidocr
    from rapidocr.utils import download_file

    def refuse(params):
        raise RuntimeError(f"shenbao OCR: refusing to download {params.file_url}; the models must come with the wheel")

    download_file.DownloadFile.run = classmethod(lambda cls, params: refuse(params))
    models = os.path.join(os.path.dirname(rapidocr.__file__), "models")
    return rapidocr.RapidOCR(params={
        "Global.use_cls": False,
        "Global.log_level": "error",
        "Det.model_path": os.path.join(models, "PP-OCRv6_det_small.onnx"),
        "Rec.model_path": os.path.join(models, "PP-OCRv6_rec_small.onnx"),
        "Cls.model_path": os.path.join(models, "ch_ppocr_mobile_v2.0_cls_mobile.onnx"),
    })


def read(args):
    import numpy as np
    from PIL import Image
    cache = None
    if args and args[0] == "--cache":
        # The caller names the folder after the output format (ScanPages.cacheFormat).
        cache = os.path.join(args[1], "pages")
        os.makedirs(cache, exist_ok=True)
        args = args[2:]
    ocr = None
    for number, path in enumerate(args, start=1):
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        cached = os.path.join(cache, digest + ".json") if cache else None
        if cached and os.path.exists(cached):
            with open(cached, encoding="utf-8") as f:
                page = json.load(f)
        else:
            image = Image.open(path).convert("RGB")
            gray = red_levelled(np.asarray(image))
            if ocr is None:
                ocr = engine()
            result = ocr(np.stack([gray, gray, gray], -1), return_word_box=True, return_single_char_box=True)
            boxes = []
            words = result.word_results or []
            for k, (quad, text, score) in enumerate(zip(result.boxes if result.boxes is not None else [], result.txts or [], result.scores or [])):
                q = [round(float(v), 1) for point in quad for v in point]
                xs, ys = q[0::2], q[1::2]
                box = {"box": [min(xs), min(ys), max(xs), max(ys)], "quad": q, "text": text, "confidence": round(float(score), 4)}
                chars = characters(text, words[k] if k < len(words) else ())
                if chars is not None:
                    box["chars"] = chars
                boxes.append(box)
            page = {"width": image.width, "height": image.height, "boxes": boxes}
            if cached:
                tmp = cached + f".{os.getpid()}.tmp"
                with open(tmp, "w", encoding="utf-8") as f:
                    json.dump(page, f, ensure_ascii=False)
                os.replace(tmp, cached)
        emit({"page": number, "width": page["width"], "height": page["height"]})
        for box in page["boxes"]:
            emit({"page": number, **box})
        sys.stdout.flush()


def characters(text, words):
    """Each character's own box and score, from RapidOCR's single-character results (the CTC
    columns it fired on): one [x0, y0, x1, y1, confidence] per character of text, None for a
    space; None when the results do not spell text character by character (RapidOCR leaves a
    line out of its word results when it has no box for it, so a line's results are taken only
    when their characters are the line's own)."""
    glyphs = [c for c in text if not c.isspace()]
    if not words or len(words) != len(glyphs) or any(w[0] != c for w, c in zip(words, glyphs)):
        return None
    out = []
    it = iter(words)
    for c in text:
        if c.isspace():
            out.append(None)
            continue
        _, score, quad = next(it)
        xs = [float(p[0]) for p in quad]
        ys = [float(p[1]) for p in quad]
        out.append([round(min(xs), 1), round(min(ys), 1), round(max(xs), 1), round(max(ys), 1), round(float(score), 4)])
    return out


def is_red(rgb):
    import numpy as np
    r = rgb[:, :, 0].astype(np.int16)
    g = rgb[:, :, 1].astype(np.int16)
    b = rgb[:, :, 2].astype(np.int16)
    return (r > 110) & (r - np.maximum(g, b) > 50)


def checkbox(gray, rect, sizes=(16, 44), expect=None, every=False):
    """The most box-like square outline inside rect, and the ink in its middle.

    Every square of 16-44 px at every position is scored by how much of each of its four sides
    is dark (prefix sums along rows and columns, on the dark mask widened by a pixel for a tilted
    scan); three whole sides and part of the fourth make a box, even one touching the character
    beside it or with a side broken by blur."""
    import cv2
    import numpy as np
    x0, y0, x1, y1 = rect
    dark = (gray[y0:y1, x0:x1] < 190).astype(np.uint8)
    # A box's thin outline fades under blur: its edges are looked for at a lighter level.
    faint = (gray[y0:y1, x0:x1] < 225).astype(np.uint8)
    wide = cv2.dilate(faint, np.ones((3, 3), np.uint8)).astype(np.int32)
    h, w = wide.shape
    rows = np.zeros((h, w + 1), np.int32)
    rows[:, 1:] = np.cumsum(wide, axis=1)
    cols = np.zeros((h + 1, w), np.int32)
    cols[1:, :] = np.cumsum(wide, axis=0)
    # Integral image of the dark mask (not widened), for the bands just outside each square.
    ii = np.zeros((h + 1, w + 1), np.int32)
    ii[1:, 1:] = np.cumsum(np.cumsum(dark.astype(np.int32), axis=0), axis=1)

    def band(ya, yb, xa, xb):
        ya, yb = np.clip(ya, 0, h), np.clip(yb, 0, h)
        xa, xb = np.clip(xa, 0, w), np.clip(xb, 0, w)
        area = np.maximum(1, (yb - ya) * (xb - xa))
        return (ii[yb, xb] - ii[ya, xb] - ii[yb, xa] + ii[ya, xa]) / area

    best = None
    found = []
    lo, hi = max(12, int(sizes[0])), max(13, int(sizes[1]))
    ex, ey = (expect[0] - x0, expect[1] - y0) if expect else (w / 2, h / 2)
    for size in range(lo, hi + 1):
        if size > h or size > w:
            break
        n = size - 4  # each side without its corners
        H, W = h - size + 1, w - size + 1
        top = (rows[0:H, size - 2:size - 2 + W] - rows[0:H, 2:2 + W]) / n
        bottom = (rows[size - 1:size - 1 + H, size - 2:size - 2 + W] - rows[size - 1:size - 1 + H, 2:2 + W]) / n
        left = (cols[size - 2:size - 2 + H, 0:W] - cols[2:2 + H, 0:W]) / n
        right = (cols[size - 2:size - 2 + H, size - 1:size - 1 + W] - cols[2:2 + H, size - 1:size - 1 + W]) / n
        sides = np.sort(np.stack([top, bottom, left, right]), axis=0)
        ok = (sides[1] >= 0.85) & (sides[0] >= 0.35)
        if not ok.any():
            continue
        # A checkbox glyph stands in white space; a 口 inside a character has strokes leaving it.
        yy, xx = np.mgrid[0:H, 0:W]
        g = 3
        outside = np.stack([band(yy - g - 1, yy - 1, xx, xx + size), band(yy + size + 1, yy + size + g + 1, xx, xx + size),
                            band(yy, yy + size, xx - g - 1, xx - 1), band(yy, yy + size, xx + size + 1, xx + size + g + 1)])
        ok &= (outside < 0.2).sum(axis=0) >= 3
        if not ok.any():
            continue
        # Nearer the expected place scores better.
        distance = np.hypot(xx + size / 2 - ex, yy + size / 2 - ey) / max(1, size)
        score = np.where(ok, sides.sum(axis=0) - 1.0 * distance, -99)
        if every:
            for yk, xk in zip(*np.nonzero(ok)):
                found.append((float(sides.sum(axis=0)[yk, xk]), int(xk), int(yk), size))
            continue
        k = np.unravel_index(np.argmax(score), score.shape)
        if score[k] > -99 and (best is None or score[k] >= best[0] - 0.2):
            best = (float(score[k]), int(k[1]), int(k[0]), size)
    def judged(x, y, size):
        m = round(size * 0.25)
        inner = dark[y + m:y + size - m, x + m:x + size - m]
        share = float(inner.mean()) if inner.size else 0.0
        return {"found": True, "ticked": share > 0.05, "inner": round(share, 4), "box": [x0 + x, y0 + y, x0 + x + size, y0 + y + size]}

    if every:
        # Every box in the rectangle, left to right: the best-scoring square of each cluster.
        kept = []
        for score, x, y, size in sorted(found, reverse=True):
            if all(x + size <= kx or kx + ks <= x or y + size <= ky or ky + ks <= y for _, kx, ky, ks in kept):
                kept.append((score, x, y, size))
        return {"boxes": [judged(x, y, size) for _, x, y, size in sorted(kept, key=lambda k: k[1])]}
    if best is None:
        return {"found": False}
    _, x, y, size = best
    return judged(x, y, size)


def measure(path):
    import numpy as np
    from PIL import Image
    with open(path, encoding="utf-8") as f:
        requests = json.load(f)
    images = {}
    for req in requests:
        if req["image"] not in images:
            rgb = np.asarray(Image.open(req["image"]).convert("RGB"))
            images[req["image"]] = (rgb, red_levelled(rgb))
        rgb, gray = images[req["image"]]
        h, w = gray.shape
        x0, y0, x1, y1 = (int(round(v)) for v in req["rect"])
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
        if x1 <= x0 or y1 <= y0:
            emit({"red": 0} if req["kind"] == "red" else {"found": False})
        elif req["kind"] == "red":
            emit({"red": int(is_red(rgb[y0:y1, x0:x1]).sum())})
        else:
            emit(checkbox(gray, (x0, y0, x1, y1), req.get("sizes", (16, 44)), req.get("expect"), req["kind"] == "checkboxes"))


def evidence(path):
    from PIL import Image, ImageDraw, ImageFont
    with open(path, encoding="utf-8") as f:
        requests = json.load(f)
    font_path = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
    for req in requests:
        scan = Image.open(req["image"]).convert("RGB")
        x0, y0, x1, y1 = (int(round(v)) for v in req["rect"])
        crop = scan.crop((max(0, x0), max(0, y0), min(scan.width, x1), min(scan.height, y1)))
        if crop.width > 1400:
            crop = crop.resize((1400, round(crop.height * 1400 / crop.width)))
        font = ImageFont.truetype(font_path, 30) if os.path.exists(font_path) else ImageFont.load_default()
        small = ImageFont.truetype(font_path, 22) if os.path.exists(font_path) else font
        lines = [("扫描件（第 %d 页）" % req["page"], small, (90, 90, 90)), (req.get("title", ""), small, (150, 0, 0))]
        for label, text in (("应为：", req.get("expected")), ("识别：", req.get("found"))):
            if text is not None:
                for k in range(0, max(1, len(text)), 28):
                    lines.append(((label if k == 0 else "　　　") + text[k:k + 28], font, (0, 0, 0)))
        text_w = 28 * 30 + 120
        height = max(crop.height + 50, 40 + 44 * len(lines))
        sheet = Image.new("RGB", (crop.width + text_w + 40, height), (255, 255, 255))
        sheet.paste(crop, (10, 40))
        draw = ImageDraw.Draw(sheet)
        draw.rectangle([9, 39, 10 + crop.width, 40 + crop.height], outline=(200, 0, 0), width=2)
        y = 8
        for text, f, colour in lines:
            draw.text((crop.width + 30, y), text, fill=colour, font=f)
            y += 44
        os.makedirs(os.path.dirname(req["out"]) or ".", exist_ok=True)
        sheet.save(req["out"])
        emit({"out": req["out"]})


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    command, args = sys.argv[1], sys.argv[2:]
    if command == "read":
        read(args)
    elif command == "measure" and len(args) == 1:
        measure(args[0])
    elif command == "evidence" and len(args) == 1:
        evidence(args[0])
    elif command == "version":
        import rapidocr
        emit({"rapidocr": rapidocr.__version__ if hasattr(rapidocr, "__version__") else "?"})
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
