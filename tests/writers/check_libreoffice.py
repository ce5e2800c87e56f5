#!/usr/bin/python3
"""Checks that LibreOffice (headless) converts writer outputs to PDF without
error, and that the PDF holds the expected text. All files go through one
soffice start (LibreOffice is slow to start), with a private profile so
parallel tests cannot collide.

usage: check_libreoffice.py OUT_DIR FILE::EXPECTED_TEXT..."""
import os
import shutil
import subprocess
import sys
import tempfile

from writers_common import Failures, squash

out_dir, *specs = sys.argv[1:]
files = [s.split("::", 1) for s in specs]
fail = Failures()
os.makedirs(out_dir, exist_ok=True)
for path, _ in files:
    pdf = os.path.join(out_dir, os.path.splitext(os.path.basename(path))[0] + ".pdf")
    if os.path.exists(pdf):
        os.remove(pdf)

profile = tempfile.mkdtemp(prefix="docpipe-lo-writers-")
try:
    proc = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", out_dir] + [p for p, _ in files],
        capture_output=True, text=True, timeout=600)
finally:
    shutil.rmtree(profile, ignore_errors=True)
fail.check(proc.returncode == 0, f"soffice exit {proc.returncode}: {proc.stderr.strip()}")
fail.check("Error" not in proc.stderr, f"soffice reported: {proc.stderr.strip()}")

for path, expected in files:
    pdf = os.path.join(out_dir, os.path.splitext(os.path.basename(path))[0] + ".pdf")
    if not fail.check(os.path.exists(pdf) and os.path.getsize(pdf) > 0, f"{path}: no PDF"):
        continue
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(next((l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")), "0"))
    fail.check(pages >= 1, f"{pdf}: {pages} pages")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True).stdout
    fail.check(squash(expected) in squash(text), f"{pdf}: text lacks '{expected}'")

fail.exit("check_libreoffice")
