#!/usr/bin/python3
"""Checks write.docx outputs with python-docx (an independent, strict reader)
and by reading the package parts directly.

usage: check_docx.py PRESET DOCX_DIR [--cleaning-report] INPUT.json...

Per document: the package is complete (every part has a content type, no
relationship dangles); python-docx opens it; the title and the block texts
come back in order; headings have the styles "heading 1".."heading 4" with
w:outlineLvl; every run names an East Asian font and zh-CN; tables are real
bordered tables with the input's cells; the signature is right-aligned;
core properties carry title, organization and a created date. For the
gbt9704 preset also the GB/T 9704 page, grid, fonts and sizes."""
import posixpath
import sys
import zipfile
import xml.etree.ElementTree as ET

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from writers_common import Failures, load_input, stem, xml_clean

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

args = sys.argv[1:]
preset, docx_dir = args[0], args[1]
cleaning_report = "--cleaning-report" in args
inputs = [a for a in args[2:] if a != "--cleaning-report"]
fail = Failures()


def check_package(path, z):
    names = set(z.namelist())
    types = ET.fromstring(z.read("[Content_Types].xml"))
    defaults = {d.get("Extension") for d in types.iter(CT + "Default")}
    overrides = {o.get("PartName").lstrip("/") for o in types.iter(CT + "Override")}
    for n in names:
        if n == "[Content_Types].xml":
            continue
        fail.check(n in overrides or n.rsplit(".", 1)[-1] in defaults, f"{path}: part {n} has no content type")
    for o in overrides:
        fail.check(o in names, f"{path}: content type for missing part {o}")
    for rels in (n for n in names if n.endswith(".rels")):
        base = posixpath.dirname(posixpath.dirname(rels))
        for r in ET.fromstring(z.read(rels)).iter(REL + "Relationship"):
            target = posixpath.normpath(posixpath.join(base, r.get("Target")))
            fail.check(target in names, f"{path}: {rels} points at missing {target}")
    for part in ("word/document.xml", "word/styles.xml", "word/settings.xml", "docProps/core.xml",
                 "docProps/app.xml", "_rels/.rels", "word/_rels/document.xml.rels"):
        fail.check(part in names, f"{path}: no {part}")
    return names


def check_runs(path, z):
    body = ET.fromstring(z.read("word/document.xml"))
    for r in body.iter(W + "r"):
        if r.find(W + "t") is None:
            continue
        rpr = r.find(W + "rPr")
        fonts = rpr.find(W + "rFonts") if rpr is not None else None
        lang = rpr.find(W + "lang") if rpr is not None else None
        text = "".join(t.text or "" for t in r.iter(W + "t"))[:20]
        if not fail.check(fonts is not None and fonts.get(W + "eastAsia"), f"{path}: run '{text}' has no w:eastAsia font"):
            return
        if not fail.check(lang is not None and lang.get(W + "eastAsia") == "zh-CN", f"{path}: run '{text}' not zh-CN"):
            return
    return body


def style_chain(style):
    while style is not None:
        yield style
        style = style.base_style


def outline_level(style):
    for s in style_chain(style):
        ppr = s.element.find(W + "pPr")
        lvl = ppr.find(W + "outlineLvl") if ppr is not None else None
        if lvl is not None:
            return int(lvl.get(W + "val"))
    return None


def east_asia_font(style):
    for s in style_chain(style):
        rpr = s.element.find(W + "rPr")
        f = rpr.find(W + "rFonts") if rpr is not None else None
        if f is not None and f.get(W + "eastAsia"):
            return f.get(W + "eastAsia")
    return None


def expected_paragraphs(src):
    """(kind, level, text) the body paragraphs must show, tables excluded."""
    out = []
    title = src["metadata"].get("title")
    if title and title.strip():
        out.append(("title", 0, title))
    for b in src["blocks"]:
        if b["kind"] == "table" and any(b.get("rows") or []):
            continue
        out.append((b["kind"], b.get("level", 0), xml_clean(b["text"]).replace("\r", "")))
    return out


for inp in inputs:
    src = load_input(inp)
    path = f"{docx_dir}/{stem(inp)}.docx"
    with zipfile.ZipFile(path) as z:
        names = check_package(path, z)
        check_runs(path, z)
        needs_bullets = any(b["kind"] == "list_item" and not b.get("marker") for b in src["blocks"])
        fail.check(("word/numbering.xml" in names) == needs_bullets,
                   f"{path}: numbering.xml present={'word/numbering.xml' in names}, lists need it={needs_bullets}")
        sect = ET.fromstring(z.read("word/document.xml")).find(f"{W}body/{W}sectPr")

    d = docx.Document(path)
    body = [p for p in d.paragraphs]
    if cleaning_report:  # the report follows a page break; check it, then leave it out
        idx = next((i for i, p in enumerate(body) if p.text == "清理报告"), None)
        if fail.check(idx is not None, f"{path}: no cleaning report"):
            report_text = "\n".join(p.text for p in body[idx:]) + "\n".join(
                c.text for t in d.tables for row in t.rows for c in row.cells)
            for e in src["edits"]:
                fail.check(e["rule"] in report_text, f"{path}: cleaning report lacks rule {e['rule']}")
            fail.check(str(len(src["edits"])) in body[idx + 1].text, f"{path}: report does not count edits")
            body = body[:idx - 1]  # the page-break paragraph before it too
    else:
        fail.check(all(p.text != "清理报告" for p in body), f"{path}: cleaning report present but not asked for")
    body = [p for p in body if p.text != "" or p.style.name != "Normal"]

    # Signature lines are one block split in two (organization / date).
    got, i = [], 0
    expected = expected_paragraphs(src)
    for kind, level, text in expected:
        if kind == "signature":
            lines = []
            while i < len(body) and body[i].style.name == "Signature":
                lines.append(body[i])
                i += 1
                if "".join(p.text for p in lines).replace(" ", "") == text.replace(" ", ""):
                    break
            for p in lines:
                fail.check(p.alignment == WD_ALIGN_PARAGRAPH.RIGHT or
                           p.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT,
                           f"{path}: signature line '{p.text}' not right-aligned")
            got.append((kind, level, "".join(p.text for p in lines).replace(" ", ""), None))
            continue
        if i < len(body):
            got.append((kind, level, body[i].text, body[i]))
        i += 1
    fail.check(i == len(body), f"{path}: {len(body)} paragraphs, expected {i}")
    for (kind, level, text), (_, _, got_text, p) in zip(expected, got):
        want = text.replace(" ", "") if kind == "signature" else text
        if not fail.check(got_text == want, f"{path}: expected '{want[:30]}', got '{got_text[:30]}'"):
            break
        if p is None:
            continue
        style = p.style
        if kind == "heading":
            n = min(max(level, 1), 4)
            fail.check(style.name.lower() == f"heading {n}", f"{path}: '{text[:20]}' has style {style.name}")
            fail.check(outline_level(style) == n - 1, f"{path}: heading {n} style has no outlineLvl {n - 1}")
        elif kind == "title":
            fail.check(style.name == "Title", f"{path}: title has style {style.name}")
            fail.check(style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER, f"{path}: title not centred")
        elif kind in ("paragraph",):
            fail.check(outline_level(style) is None, f"{path}: body paragraph '{text[:20]}' is in the outline")

    tables = [b for b in src["blocks"] if b["kind"] == "table" and any(b.get("rows") or [])]
    doc_tables = d.tables[:len(tables)]
    fail.check(len(d.tables) == len(tables) + (1 if cleaning_report and src["edits"] else 0),
               f"{path}: {len(d.tables)} tables")
    for b, t in zip(tables, doc_tables):
        cols = max(len(r) for r in b["rows"])
        cells = [[c.text for c in row.cells] for row in t.rows]
        fail.check(cells == [r + [""] * (cols - len(r)) for r in b["rows"]], f"{path}: table cells differ")
        borders = t._tbl.tblPr.find(W + "tblBorders")
        fail.check(borders is not None and borders.find(W + "insideH").get(W + "val") == "single",
                   f"{path}: table has no borders")

    cp = d.core_properties
    meta = src["metadata"]
    fail.check(cp.title == (meta.get("title") or ""), f"{path}: core title '{cp.title}'")
    fail.check(cp.author == (meta.get("organization") or ""), f"{path}: core creator '{cp.author}'")
    fail.check(cp.created is not None, f"{path}: no created date")

    footer = " ".join(p.text for p in d.sections[0].footer.paragraphs)
    styles = d.styles
    if preset == "gbt9704":
        s = d.sections[0]
        mm = lambda v: round(v.mm)
        fail.check((s.page_width.mm, s.page_height.mm) == (210.0, 297.0) or
                   (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297), f"{path}: not A4")
        fail.check((mm(s.top_margin), mm(s.bottom_margin), mm(s.left_margin), mm(s.right_margin)) == (37, 35, 28, 26),
                   f"{path}: margins {mm(s.top_margin)}/{mm(s.bottom_margin)}/{mm(s.left_margin)}/{mm(s.right_margin)}")
        # 22 lines x 28 characters: a line grid of 579 twips, and a character
        # pitch (character grid, or condensed spacing) that fits 28 a line.
        grid = sect.find(W + "docGrid")
        text_w = 11906 - int(sect.find(W + "pgMar").get(W + "left")) - int(sect.find(W + "pgMar").get(W + "right"))
        text_h = 16838 - int(sect.find(W + "pgMar").get(W + "top")) - int(sect.find(W + "pgMar").get(W + "bottom"))
        fail.check(grid is not None and grid.get(W + "type") in ("lines", "linesAndChars"), f"{path}: no line grid")
        fail.check(grid is not None and text_h // int(grid.get(W + "linePitch", "0") or 1) == 22,
                   f"{path}: grid is not 22 lines a page")
        if grid is not None and grid.get(W + "type") == "linesAndChars":
            pitch_pt = 16 + int(grid.get(W + "charSpace", "0")) / 4096
        else:
            sp = ET.fromstring(zipfile.ZipFile(path).read("word/styles.xml")).find(
                f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}spacing")
            pitch_pt = 16 + (int(sp.get(W + "val")) / 20 if sp is not None else 0)
        fail.check(int(text_w / 20 // pitch_pt) == 28, f"{path}: {text_w / 20 // pitch_pt} characters a line")
        fail.check(footer.startswith("— ") and footer.endswith(" —"), f"{path}: footer '{footer}' is not — N —")
        fail.check("— " in " ".join(p.text for p in s.even_page_footer.paragraphs), f"{path}: no even-page footer")
        normal = styles["Normal"]
        fail.check(normal.font.size.pt == 16, f"{path}: body is not 3号 (16 pt)")
        fail.check("仿宋" in east_asia_font(normal), f"{path}: body font {east_asia_font(normal)}")
        ind = normal.element.find(f"{W}pPr/{W}ind")
        fail.check(ind is not None and ind.get(W + "firstLineChars") == "200", f"{path}: no two-character indent")
        fail.check(styles["Title"].font.size.pt == 22 and "小标宋" in east_asia_font(styles["Title"]),
                   f"{path}: title is not 2号 小标宋")
        for n, face in ((1, "黑体"), (2, "楷体"), (3, "仿宋"), (4, "仿宋")):
            st = next(x for x in styles if x.name.lower() == f"heading {n}")
            fail.check(face in east_asia_font(st), f"{path}: heading {n} font {east_asia_font(st)}")
        h3 = next(x for x in styles if x.name.lower() == "heading 3")
        fail.check(h3.font.bold is True, f"{path}: heading 3 is not bold")
    else:
        fail.check(footer.strip() != "" and "—" not in footer, f"{path}: plain footer '{footer}'")
        normal = styles["Normal"]
        ind = normal.element.find(f"{W}pPr/{W}ind")
        fail.check(ind is None, f"{path}: plain preset indents the first line")

fail.exit(f"check_docx {preset}")
