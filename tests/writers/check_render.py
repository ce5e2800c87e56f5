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
    # Decompress the image data: a page with text has many non-white bytes.
    idat, pos = b"", 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    pixels = zlib.decompress(idat)
    dark = sum(1 for b in pixels if b < 128)
    fail.check(dark > 0.005 * len(pixels), f"page looks blank ({dark} dark bytes)")
fail.exit("check_render")
