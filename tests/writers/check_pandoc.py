#!/usr/bin/python3
"""Checks write.docx outputs with pandoc, a second independent reader:
`pandoc -f docx -t plain` gives back the title and every block's text in
order, and pandoc's own AST (`-t json`) sees the headings at the right levels
(it recognises them by the styles' names and outline levels).

usage: check_pandoc.py DOCX_DIR INPUT.json..."""
import json
import subprocess
import sys

from writers_common import Failures, load_input, squash, stem, xml_clean

docx_dir, *inputs = sys.argv[1:]
fail = Failures()


def pandoc(path, to):
    return subprocess.run(["pandoc", "-s", "-f", "docx", "-t", to, "--wrap=none", path],
                          check=True, capture_output=True, text=True).stdout


def inline_text(inlines):
    out = []
    for i in inlines:
        if i["t"] == "Str":
            out.append(i["c"])
        elif i["t"] in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif i["t"] in ("Emph", "Strong", "Span", "Underline", "SmallCaps", "Strikeout"):
            out.append(inline_text(i["c"][-1] if i["t"] == "Span" else i["c"]))
    return "".join(out)


for inp in inputs:
    src = load_input(inp)
    path = f"{docx_dir}/{stem(inp)}.docx"
    plain = squash(pandoc(path, "plain"))
    pieces = []
    if src["metadata"].get("title"):
        pieces.append(src["metadata"]["title"])
    for b in src["blocks"]:
        if b["kind"] == "table" and any(b.get("rows") or []):
            pieces.extend(cell for row in b["rows"] for cell in row if cell.strip())
        else:
            pieces.append(xml_clean(b["text"]))
    pos = 0
    for piece in pieces:
        want = squash(piece)
        found = plain.find(want, pos)
        if not fail.check(found >= 0, f"{path}: pandoc text lacks (in order) '{piece[:30]}'"):
            break
        pos = found + len(want)

    ast = json.loads(pandoc(path, "json"))
    headers = [(b["c"][0], squash(inline_text(b["c"][2]))) for b in ast["blocks"] if b["t"] == "Header"]
    want = [(min(max(b.get("level", 1), 1), 4), squash(b["text"])) for b in src["blocks"] if b["kind"] == "heading"]
    fail.check(headers == want, f"{path}: pandoc headers {headers[:3]}... expected {want[:3]}...")

fail.exit("check_pandoc")
