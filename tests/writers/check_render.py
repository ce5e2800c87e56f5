#!/usr/bin/python3
"""Checks scripts/render-docx-page.sh: page 1 of a DOCX becomes a PNG with
the proportions of an A4 page, and the page is not blank.

usage: check_render.py SCRIPT INPUT.docx OUTPUT.png"""
import os
import struct
import subprocess
import sys
import zlib

from writers_common import Failures

script, docx, png = sys.argv[1:]
fail = Failures()
if os.path.exists(png):
    os.remove(png)
proc = subprocess.run([script, docx, png, "1", "40"], capture_output=True, text=True, timeout=300)
fail.check(proc.returncode == 0, f"render script exit {proc.returncode}: {proc.stderr.strip()}")
if fail.check(os.path.exists(png), "no PNG written"):
    data = open(png, "rb").read()
    fail.check(data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG")
    width, height, depth, color = struct.unpack(">IIBB", data[16:26])
    fail.check(abs(height / width - 297 / 210) < 0.01, f"{width}x{height} is not A4")
    # Decode the image (8-bit RGB or grey, PNG row filters undone) and count
    # dark pixels: a page with text has many, a blank page almost none.
    idat, pos = b"", 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[color]
    stride = width * bpp
    prev, dark = bytearray(stride), 0
    for y in range(height):
        ftype, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if ftype == 1: line[i] = (line[i] + a) & 255
            elif ftype == 2: line[i] = (line[i] + b) & 255
            elif ftype == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        dark += sum(1 for x in range(0, stride, bpp) if line[x] < 128)
        prev = line
    fail.check(dark > 0.01 * width * height, f"page looks blank ({dark} dark pixels)")
fail.exit("check_render")
