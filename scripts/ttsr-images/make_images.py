"""Procedural image pairs for /ttsr-search-transfer: an 8x8 low-resolution input (LR) and a 32x32
high-resolution reference (Ref) per pair, written as PNG with the standard library only.

The LR is a 4x box-downsampled view of the same texture as the Ref, shifted (and for pair 3 turned),
so the texture search has something real to find. Ours, released under CC0 (see the README there).
Run: /usr/bin/python3 scripts/ttsr-images/make_images.py
"""
import math
import os
import struct
import zlib

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "static", "images", "ttsr")


def png(path, w, h, rgb):
    raw = b"".join(b"\x00" + bytes(rgb[y * w * 3:(y + 1) * w * 3]) for y in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def bricks(x, y):
    row = int(y // 8)
    xs = x + (4 if row % 2 else 0)
    mortar = (y % 8) < 1.5 or (xs % 12) < 1.5
    shade = 0.1 * math.sin(0.7 * x + 1.3 * y)
    return (0.85, 0.85, 0.8) if mortar else (0.7 + shade, 0.3 + shade, 0.2)


def stripes(x, y):
    t = 0.5 + 0.5 * math.sin((x + 2 * y) * 0.45)
    return (0.2 + 0.7 * t, 0.4 + 0.3 * (1 - t), 0.9 - 0.6 * t)


def dots(x, y):
    cx, cy = (x % 10) - 5, (y % 10) - 5
    r = math.hypot(cx, cy)
    return (0.95, 0.8, 0.2) if r < 3 else (0.15 + 0.05 * (x % 3), 0.3, 0.55)


def render(fn, w, h, dx=0.0, dy=0.0, turn=False):
    out = []
    for y in range(h):
        for x in range(w):
            u, v = (y + dy, x + dx) if turn else (x + dx, y + dy)
            out.extend(max(0, min(255, round(255 * c))) for c in fn(u, v))
    return out


def box_down(rgb, w, h, f):
    out = []
    for y in range(h // f):
        for x in range(w // f):
            for c in range(3):
                s = sum(rgb[((y * f + j) * w + x * f + i) * 3 + c] for j in range(f) for i in range(f))
                out.append(round(s / (f * f)))
    return out


PAIRS = [("bricks", bricks, 5.0, 3.0, False), ("stripes", stripes, 7.0, 2.0, False),
         ("dots", dots, 3.0, 6.0, True)]

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for i, (name, fn, dx, dy, turn) in enumerate(PAIRS, start=1):
        png(os.path.join(OUT, f"pair{i}-ref.png"), 32, 32, render(fn, 32, 32))
        hr = render(fn, 32, 32, dx, dy, turn)
        png(os.path.join(OUT, f"pair{i}-lr.png"), 8, 8, box_down(hr, 32, 32, 4))
        print(f"pair{i}: {name}")
