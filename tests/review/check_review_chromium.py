#!/usr/bin/python3
"""The review pages of real runs, rendered in headless Chromium.

usage: check_review_chromium.py DOCPIPE WORK_DIR

Runs the demo pipeline over the samples plus hostile inputs written here (a
report whose text holds <script>alert(1)</script> and "><img onerror=…>, a
file named like markup, a broken DOCX that lands in quarantine), then opens
the pages with `chromium --headless --dump-dom` (scripts run, with a
generous virtual-time budget so a busy machine does not race them) and
checks the DOM Chromium built:

* each sample's page marks the edits in place: the original pane, read
  without what edits added, is exactly the text the reader produced (a run
  with no stages); read without what edits removed, it is the result; every
  edit of the document's JSON that changes a block has a marked span;
* `docpipe explain --html` writes the same marks for one file;
* the index's filters (set from the address, as its count links do) change
  the visible rows to exactly the matching documents;
* hostile strings show as text everywhere: no <img>, no script that holds
  them, no event-handler attribute.
Exit 77 (skipped) when chromium is not installed.
"""
import html.parser
import json
import pathlib
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_ATTR = '"><img src=x onerror=alert(2)>'


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def text(self, skip=lambda n: False):
        out = []
        for c in self.children:
            if isinstance(c, str):
                out.append(c)
            elif not skip(c):
                out.append(c.text(skip))
        return "".join(out)

    def classes(self):
        return self.attrs.get("class", "").split()

    def find(self, pred):
        return [n for n in self.iter() if pred(n)]


class TreeBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(dom):
    b = TreeBuilder()
    b.feed(dom)
    b.close()
    return b.root


class Browser:
    def __init__(self, work):
        self.exe = shutil.which("chromium") or shutil.which("chromium-browser")
        self.profile = work / "chromium-profile"

    def dom(self, path, fragment=""):
        url = pathlib.Path(path).resolve().as_uri() + fragment
        cmd = [self.exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-extensions", "--disable-background-networking",
               f"--user-data-dir={self.profile}", "--virtual-time-budget=60000", "--dump-dom", url]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        if r.returncode != 0 or "<html" not in r.stdout:
            sys.exit(f"FAIL: chromium could not render {url}: {r.stderr[-2000:]}")
        return parse(r.stdout)


failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def run(cmd, **kw):
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kw)
    return r


def block_text(b):
    if b.get("kind") == "table" and b.get("rows"):
        return "\n".join("\t".join(row) for row in b["rows"])
    return b.get("text", "")


def write_hostile(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.txt").write_text(
        f"{HOSTILE_TITLE}共青团某区委2020年工作总结\n\n"
        f"一、主要工作\n一年来,团区委在区委领导下www.qz26.com开展工作{HOSTILE_ATTR}。\n"
        "二、下一步打算\n继续做好各项工作。\n", encoding="utf-8")
    (folder / f"{HOSTILE_ATTR}.txt").write_text(
        "共青团某县委2021年上半年工作总结\n\n一、工作情况\n今年以来,县委开展了工作。\n",
        encoding="utf-8")
    (folder / "<img src=x onerror=alert(4)>.docx").write_bytes(b"PK\x03\x04 not a real docx")


def hostile_free(root, what):
    imgs = root.find(lambda n: n.tag == "img")
    scripts = [s for s in root.find(lambda n: n.tag == "script") if "alert" in s.text()]
    handlers = [n for n in root.iter() for a in n.attrs if a.startswith("on")]
    check(not imgs and not scripts and not handlers,
          f"{what}: no <img>, no script holding the hostile text, no on* attribute "
          f"({len(imgs)}, {len(scripts)}, {len(handlers)})")


def visible_rows(root):
    body = root.find(lambda n: n.tag == "tbody" and n.parent.attrs.get("id") == "docs")
    return [r for r in body[0].children if isinstance(r, Node) and r.tag == "tr"] if body else []


def main():
    docpipe, work = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]).resolve()
    browser = Browser(work)
    if not browser.exe:
        print("SKIP: chromium is not installed (scripts/setup-deps.sh installs it)")
        return 77
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    hostile = work / "hostile"
    write_hostile(hostile)
    samples = ROOT / "samples"
    out = work / "out"

    # What the readers produce: a run with no stages.
    plain = work / "readers-only.yaml"
    plain.write_text('version: 1\nname: readers-only\noutputs:\n  - use: write.json\n'
                     '    path: "{out}/json/{stem}.json"\n', encoding="utf-8")
    r = run([docpipe, "run", plain, "--input", samples, "--out", work / "plain", "--jobs", "1"])
    check(r.returncode == 0, f"readers-only run (exit {r.returncode}) {r.stderr[-500:]}")
    r = run([docpipe, "run", ROOT / "pipelines/demo.yaml", "--input", samples, "--input", hostile,
             "--out", out, "--jobs", "2"])
    check(r.returncode == 1, f"demo run: the broken DOCX fails, the rest is written "
                             f"(exit {r.returncode}) {r.stderr[-500:]}")
    review = out / "review"
    check((review / "index.html").is_file() and (review / "rules.html").is_file() and
          (review / "index-data.js").is_file(), "review/index.html, rules.html, index-data.js")

    # Each sample's page: the marks give back both texts.
    for src in sorted(samples.iterdir()):
        stem = src.stem
        original = "\n".join(block_text(b) for b in json.loads(
            (work / "plain/json" / f"{stem}.json").read_text(encoding="utf-8"))["blocks"])
        result_doc = json.loads((out / "json" / f"{stem}.json").read_text(encoding="utf-8"))
        result = "\n".join(block_text(b) for b in result_doc["blocks"])
        page = browser.dom(review / "docs" / f"{stem}.html")
        pane = page.find(lambda n: n.attrs.get("id") == "original")[0]
        blocks = pane.find(lambda n: n.tag == "p" and "blk" in n.classes())
        is_tag = lambda n: n.tag == "sup"
        got_original = "\n".join(b.text(lambda n: n.tag == "ins" or is_tag(n))
                                 for b in blocks if "new" not in b.classes())
        got_result = "\n".join(b.text(lambda n: n.tag == "del" or is_tag(n))
                               for b in blocks if "gone" not in b.classes())
        check(got_original == original, f"{stem}: the page's original is the reader's text")
        check(got_result == result, f"{stem}: the page without removals is the result")
        marked = {n.attrs["data-e"] for n in pane.iter() if n.tag in ("del", "ins")}
        wanted = {str(k) for k, e in enumerate(result_doc["edits"])
                  if e.get("block", -1) >= 0 and e.get("before") != e.get("after")}
        check(wanted <= marked, f"{stem}: every block edit is marked in place "
                                f"({len(wanted & marked)} of {len(wanted)})")
        labels = pane.find(lambda n: n.tag == "sup" and "tag" in n.classes())
        check(len(labels) == len(marked) and all(" · " in n.text() for n in labels),
              f"{stem}: each marked edit is labelled with stage · rule ({len(labels)})")
        toc = page.find(lambda n: n.tag == "a" and n.parent.tag == "li" and "data-r" in n.attrs)
        headings = [b for b in result_doc["blocks"] if b.get("kind") == "heading"]
        check(len(toc) == len(headings), f"{stem}: the outline lists the {len(headings)} headings")
        if stem == sorted(samples.iterdir())[0].stem:
            html_out = work / "explain.html"
            r = run([docpipe, "explain", src, "--pipeline", ROOT / "pipelines/demo.yaml",
                     "--html", html_out])
            check(r.returncode == 0 and html_out.is_file(), f"explain --html (exit {r.returncode})")
            alone = browser.dom(html_out)
            alone_pane = alone.find(lambda n: n.attrs.get("id") == "original")[0]
            alone_marked = {n.attrs["data-e"] for n in alone_pane.iter()
                            if n.tag in ("del", "ins")}
            check(alone_marked == marked, f"{stem}: explain --html marks the same edits")

    # The index: counts, and filters that change the visible rows.
    report = json.loads((out / "run-report.json").read_text(encoding="utf-8"))
    docs = report["documents"]
    index = browser.dom(review / "index.html")
    check(len(visible_rows(index)) == len(docs), f"index lists all {len(docs)} documents")
    hostile_free(index, "index")
    check(HOSTILE_TITLE in index.text(), "index: the hostile title shows as text")
    failed = [d for d in docs if d["status"] == "failed"]
    rows = visible_rows(browser.dom(review / "index.html", "#status=failed"))
    check(len(rows) == len(failed) == 1, f"#status=failed shows the {len(failed)} failed row(s)")
    flags = {}
    for d in docs:
        j = out / "json" / (pathlib.Path(d["input"]).stem + ".json")
        if j.is_file():
            for f in json.loads(j.read_text(encoding="utf-8")).get("flags", []):
                flags[f] = flags.get(f, 0) + 1
    for flag, n in sorted(flags.items())[:3]:
        rows = visible_rows(browser.dom(review / "index.html", f"#flag={flag}"))
        check(len(rows) == n, f"#flag={flag} shows its {n} document(s) (got {len(rows)})")
    rows = visible_rows(browser.dom(review / "index.html", "#q=" + "某县委"))
    check(len(rows) == 1, f"search 某县委 shows 1 row (got {len(rows)})")
    rows = visible_rows(browser.dom(review / "index.html", "#rule=clean.watermark · watermark.domain"))
    check(0 < len(rows) < len(docs), f"#rule=watermark.domain narrows the rows ({len(rows)})")
    quarantine = index.find(lambda n: n.attrs.get("id") == "quarantine")[0].text()
    check("not a real docx" in quarantine or "docx" in quarantine,
          "index: the broken DOCX is in quarantine with its reason")

    # Hostile text on the document pages and the rule page.
    for name in ("hostile", HOSTILE_ATTR):
        page = browser.dom(review / "docs" / f"{name}.html")
        hostile_free(page, f"page of {name!r}")
        check(HOSTILE_ATTR in page.text() or HOSTILE_TITLE in page.text(),
              f"page of {name!r}: the hostile strings show as text")
    page = browser.dom(review / "docs" / "hostile.html")
    check(HOSTILE_TITLE in page.text() and HOSTILE_ATTR in page.text(),
          "hostile page: both strings show as text")
    rules = browser.dom(review / "rules.html")
    hostile_free(rules, "rules page")
    sections = rules.find(lambda n: n.tag == "section" and "rule" in n.classes())
    check(len(sections) > 0, f"rules page: one section per rule ({len(sections)})")

    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
