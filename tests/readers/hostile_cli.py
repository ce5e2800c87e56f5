#!/usr/bin/python3
"""Hostile inputs through the real CLI (`docpipe run` with the base
pipeline): generated here, at test time, into OUT_DIR/in, never committed.

usage: hostile_cli.py DOCPIPE PIPELINE OUT_DIR

- deep-body.docx: 100,000 nested w:customXml (random element names, so deflate
  only reaches ~10:1 and the zip-bomb check lets it through) — crashed with
  SIGSEGV before issue 14;
- attrs.html: a million attributes on one element — ran > 10 minutes in
  libxml2;
- deep-page.html: 100,000 nested <div>; nul-page.html: a NUL byte mid-page — the text
  after it was dropped silently;
- nul-text.txt: NUL bytes in a short text file — refused as binary;
- mixed.txt: half GBK, half UTF-8 — the UTF-8 half became mojibake;
- digits.txt, urls.txt, figures-line.txt, parens.txt: 1 MB lines that were
  quadratic (minutes to hours, or gigabytes) in structure.figures,
  clean.watermark and clean.lines.
Every document must be `ok`, keep its text, and carry a warning naming the
file where something was changed. ctest's TIMEOUT is the hang guard."""
import glob, json, os, random, shutil, subprocess, sys, zipfile

docpipe, pipeline, out = sys.argv[1:]
shutil.rmtree(out, ignore_errors=True)
src = os.path.join(out, "in")
os.makedirs(src)
PARA = "今年以来，区团委围绕中心服务大局，组织开展志愿服务活动一百二十场，参与青年三千余人次。"
PARA2 = "全年新发展团员四百二十名，基层团组织实现全覆盖，青年满意度明显提升。"


def page(body):
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>t</title></head><body>" +
            body + "</body></html>")


def write(name, data):
    with open(os.path.join(src, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


rng = random.Random(14)
n = 100000
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
docx = (f'<?xml version="1.0"?><w:document {W}><w:body>' +
        "".join(f'<w:customXml w:element="e{rng.randrange(10**9)}">' for _ in range(n)) +
        f"<w:p><w:r><w:t>{PARA}</w:t></w:r></w:p>" + "</w:customXml>" * n +
        f"<w:p><w:r><w:t>{PARA2}</w:t></w:r></w:p></w:body></w:document>")
with zipfile.ZipFile(os.path.join(src, "deep-body.docx"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", docx)
write("attrs.html", page("<div" + "".join(f' a{i}="1"' for i in range(1000000)) +
                         f"><p>{PARA}</p><p>{PARA2}</p></div>"))
write("deep-page.html", page("<div>" * n + f"<p>{PARA}</p>" + "</div>" * n + f"<p>{PARA2}</p>"))
write("nul-page.html", page(f"<p>{PARA}</p><p>{PARA2[:10]}\0{PARA2[10:]}</p>"))
write("nul-text.txt", (PARA + "\n").encode() + b"\0" * 50 + (PARA2 + "\n").encode())
write("mixed.txt", (PARA + "\n").encode("gbk") * 3 + (PARA2 + "\n").encode("utf-8") * 3)
# Long lines whose search or context was quadratic: a 1 MB run of digits
# (the figure pattern retried from every digit), 1 MB of URLs (each URL's
# context decoded all the text before it), 1 MB of figures with no sentence
# end (each figure's sentence was the whole line: gigabytes).
write("digits.txt", PARA + "\n" + "1234567890" * 100000 + "\n" + PARA2 + "\n")
write("urls.txt", PARA + "\n" + "http://www.example.com/a " * 40000 + "\n" + PARA2 + "\n")
write("parens.txt", PARA + "\n" + "(团" * 250000 + "\n" + PARA2 + "\n")  # clean.lines' pairs
write("figures-line.txt", PARA + "\n" + "团区委组织开展活动120场，参与青年3.5万人次，" * 16000 + "\n" + PARA2 + "\n")

failures = []
r = subprocess.run([docpipe, "run", pipeline, "--input", src, "--out", out, "--jobs", "2"],
                   capture_output=True, text=True, timeout=600)
if r.returncode != 0:
    failures.append(f"docpipe run exit {r.returncode}: {r.stdout[-1500:]}{r.stderr[-1500:]}")
warned = {"attrs.html": "attributes", "deep-page.html": "nested more than", "nul-page.html": "NUL",
          "nul-text.txt": "NUL", "mixed.txt": "mixes encodings"}
for name in ["deep-body.docx", "attrs.html", "deep-page.html", "nul-page.html", "nul-text.txt", "mixed.txt",
             "digits.txt", "urls.txt", "figures-line.txt", "parens.txt"]:
    path = os.path.join(out, "json", os.path.splitext(name)[0] + ".json")
    if not os.path.exists(path):
        failures.append(f"{name}: no JSON output")
        continue
    doc = json.load(open(path, encoding="utf-8"))
    body = "\n".join(b["text"] for b in doc["blocks"])
    for want in (PARA, PARA2):
        if want not in body:
            failures.append(f"{name}: lost {want[:12]}…: {body[:200]!r}")
    if name == "figures-line.txt" and (not doc["metrics"] or
                                       max(len(m["sentence"]) for m in doc["metrics"]) > 1000):
        failures.append(f"{name}: a figure's sentence is not bounded")
    if name in warned and not any(name in d["message"] and warned[name] in d["message"]
                                  for d in doc["diagnostics"]):
        failures.append(f"{name}: no diagnostic naming the file about {warned[name]}")
for f in failures:
    print("FAIL:", f)
print(f"hostile_cli: {'FAILED' if failures else 'ok'}")
sys.exit(1 if failures else 0)
