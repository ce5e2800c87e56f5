#!/usr/bin/python3
"""HTML main-content quality: docpipe's read.html vs Mozilla Readability vs
readability-lxml on the pages of ../shared/corpus/html-dev.

usage: /usr/bin/python3 bench/html-quality/run_bench.py [--corpus DIR]
           [--extractor build/bin/readers_dump] [--markdown docs/quality.md]
           [--cache DIR] [--per-page FILE.tsv]

--cache keeps the two reference systems' outputs (they do not change while
read.html is tuned) in DIR/<system>.json and reuses them on the next run;
--per-page writes one line per page and system (set, F1 or length, path) to
find the worst pages.

Score: character F1 over whitespace-free text (full-width punctuation folded
to ASCII, lower-cased), counted on the multiset of character 3-grams — an
n-gram version of score.py's character measure that is fast on long pages.
Sets: scrapinghub (English, human gold), readability-zh (Chinese, Mozilla
Readability's own output as gold: biased to it), gne (Chinese, no gold:
mean length and the share of pages whose output still holds chrome phrases).

Mozilla Readability is installed here by `npm install` (node_modules/,
gitignored); readability-lxml is Debian's python3-readability.
"""
import argparse, collections, gzip, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
# The same folding as the seeds' scorer (whitespace dropped, full/half-width
# punctuation folded), so both quality figures mean the same thing.
sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))
from score import fold  # noqa: E402

CHROME = ["ICP备", "版权所有", "相关阅读", "相关文章", "热门推荐", "上一篇", "下一篇", "分享到",
          "扫一扫", "返回顶部", "Copyright", "责任编辑"]


def grams(s, n=3):
    s = fold(s)
    return collections.Counter(s[i:i + n] for i in range(max(0, len(s) - n + 1)))


def f1(pred, gold):
    p, g = grams(pred), grams(gold)
    if not p or not g:
        return 1.0 if not p and not g else 0.0
    m = sum((p & g).values())
    if m == 0:
        return 0.0
    prec, rec = m / sum(p.values()), m / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def read_bytes(path):
    data = open(path, "rb").read()
    return gzip.decompress(data) if path.endswith(".gz") else data


def html_text(html):
    import lxml.html
    if not html.strip():
        return ""
    return lxml.html.fromstring(html).text_content()


def pages(corpus):
    sets = {"scrapinghub": [], "readability-zh": [], "gne": []}
    gt = json.load(open(os.path.join(corpus, "scrapinghub", "ground-truth.json")))
    for pid, item in sorted(gt.items()):
        path = os.path.join(corpus, "scrapinghub", "html", pid + ".html.gz")
        if os.path.exists(path):
            sets["scrapinghub"].append((path, item["articleBody"]))
    zh = os.path.join(corpus, "readability-zh")
    for name in sorted(os.listdir(zh)):
        src = os.path.join(zh, name, "source.html")
        if os.path.exists(src):
            # expected.html has no charset declaration: it is UTF-8 text.
            expected = open(os.path.join(zh, name, "expected.html"), encoding="utf-8").read()
            sets["readability-zh"].append((src, html_text(expected)))
    for root, _, files in sorted(os.walk(os.path.join(corpus, "gne"))):
        for f in sorted(files):
            if f.endswith(".html"):
                sets["gne"].append((os.path.join(root, f), None))
    return sets


def run_docpipe(extractor, paths, tmp):
    out = {}
    for p in paths:
        src = p
        if p.endswith(".gz"):
            src = os.path.join(tmp, os.path.basename(p)[:-3])
            open(src, "wb").write(read_bytes(p))
        r = subprocess.run([extractor, "--text", src], capture_output=True, timeout=60)
        out[p] = r.stdout.decode("utf-8", "replace") if r.returncode == 0 else ""
    return out


def run_mozilla(paths, tmp):
    lst = os.path.join(tmp, "pages.txt")
    # node runs in bench/html-quality: it gets absolute paths, the keys stay ours.
    open(lst, "w").write("\n".join(os.path.abspath(p) for p in paths))
    r = subprocess.run(["node", os.path.join(HERE, "mozilla_readability.mjs"), lst],
                       capture_output=True, cwd=HERE, timeout=1800)
    if r.returncode != 0:
        sys.exit("mozilla readability failed (run `npm install` in bench/html-quality): " + r.stderr.decode()[-500:])
    out = json.loads(r.stdout)
    return {p: out.get(os.path.abspath(p), "") for p in paths}


def run_lxml(paths):
    from readability import Document
    out = {}
    for p in paths:
        try:
            out[p] = html_text(Document(read_bytes(p)).summary(html_partial=True))
        except Exception:
            out[p] = ""
    return out


def cached(cache, name, paths, run):
    """A reference system's outputs, from cache when it covers all pages."""
    path = os.path.join(cache, name + ".json") if cache else None
    if path and os.path.exists(path):
        out = json.load(open(path))
        if all(p in out for p in paths):
            return out
    out = run()
    if path:
        os.makedirs(cache, exist_ok=True)
        json.dump(out, open(path, "w"))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "html-dev"))
    ap.add_argument("--extractor", default=os.path.join(ROOT, "build", "bin", "readers_dump"))
    ap.add_argument("--cache", help="directory caching the reference systems' outputs")
    ap.add_argument("--per-page", help="write per-page scores (TSV) here")
    ap.add_argument("--markdown", help="write the table into this file between the bench markers")
    args = ap.parse_args()
    sets = pages(args.corpus)
    allpaths = [p for s in sets.values() for p, _ in s]
    with tempfile.TemporaryDirectory() as tmp:
        results = {"docpipe read.html": run_docpipe(args.extractor, allpaths, tmp),
                   "Mozilla Readability": cached(args.cache, "mozilla", allpaths, lambda: run_mozilla(allpaths, tmp)),
                   "readability-lxml": cached(args.cache, "lxml", allpaths, lambda: run_lxml(allpaths))}
    if args.per_page:
        with open(args.per_page, "w") as f:
            for system, out in results.items():
                for name, items in sets.items():
                    for p, gold in items:
                        text = out.get(p, "")
                        score = f"{f1(text, gold):.3f}" if gold is not None else str(len(fold(text)))
                        chrome = ",".join(c for c in CHROME if c in text)
                        f.write(f"{system}\t{name}\t{score}\t{chrome}\t{p}\n")
    rows = []
    for system, out in results.items():
        row = [system]
        for name in ("scrapinghub", "readability-zh"):
            scores = [f1(out.get(p, ""), gold) for p, gold in sets[name]]
            row.append(f"{sum(scores) / len(scores):.3f}")
        gne = [out.get(p, "") for p, _ in sets["gne"]]
        empty = sum(1 for t in gne if len(fold(t)) < 50)
        chrome = sum(1 for t in gne if any(c in t for c in CHROME))
        mean_len = sum(len(fold(t)) for t in gne) / max(1, len(gne))
        row += [f"{mean_len:.0f}", f"{empty}/{len(gne)}", f"{chrome}/{len(gne)}"]
        rows.append(row)
    header = ["system", f"scrapinghub F1 (EN, n={len(sets['scrapinghub'])})",
              f"readability-zh F1 (ZH, n={len(sets['readability-zh'])})",
              "gne mean chars", "gne empty (<50 chars)", "gne with chrome phrases"]
    table = "| " + " | ".join(header) + " |\n|" + "---|" * len(header) + "\n"
    table += "".join("| " + " | ".join(r) + " |\n" for r in rows)
    print(table)
    if args.markdown:
        text = open(args.markdown).read()
        a, b = "<!-- bench:begin -->\n", "<!-- bench:end -->"
        i, j = text.index(a) + len(a), text.index(b)
        open(args.markdown, "w").write(text[:i] + table + text[j:])


if __name__ == "__main__":
    main()
