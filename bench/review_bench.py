#!/usr/bin/python3
"""The review of a large run: how long a run takes with and without the
review pages, their size on disk, and how fast the pages open in headless
Chromium (first contentful paint of index.html, the time until every row of
the document table is loaded, a search over all rows, and the first paint
of rules.html and of the largest document page).

usage: bench/review_bench.py [N] [--build build] [--work DIR] [--jobs 2]
                             [--repeat 5] [--keep]
N (default 10000) documents are generated with bench/gen_corpus.py from the
shared seeds, run through pipelines/demo.yaml (which writes the review) and
through the same pipeline with the two review outputs disabled. Chromium is
driven through its DevTools protocol (python3-websocket), with the cache
disabled; each page is opened --repeat times and the median is reported.
Prints Markdown; docs/performance.md records the figures.
"""
import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent

# Bench-side instrumentation, injected before any page script: when the
# document table says "N of M documents", every row is loaded.
PROBE = """
window.__bench = {};
new MutationObserver(function () {
  var s = document.getElementById('shown');
  if (s && s.textContent.indexOf(' of ') >= 0 && !window.__bench.rows)
    window.__bench.rows = performance.now();
}).observe(document, {subtree: true, childList: true, characterData: true});
"""
READ = """JSON.stringify((function () {
  var p = performance.getEntriesByName('first-contentful-paint')[0];
  var n = performance.getEntriesByType('navigation')[0];
  return {fcp: p ? p.startTime : null, dcl: n ? n.domContentLoadedEventEnd : null,
          load: n ? n.loadEventEnd : null, rows: (window.__bench || {}).rows || null};
})())"""
SEARCH = """JSON.stringify((function () {
  var f = document.getElementById('filters');
  var t = performance.now();
  f.elements.q.value = '团委';
  f.dispatchEvent(new Event('change'));
  return {ms: performance.now() - t, shown: document.getElementById('shown').textContent};
})())"""


class Chromium:
    def __init__(self, work):
        self.profile = pathlib.Path(tempfile.mkdtemp(dir=work, prefix="chromium-"))
        exe = shutil.which("chromium") or shutil.which("chromium-browser")
        if not exe:
            sys.exit("chromium is not installed (scripts/setup-deps.sh)")
        self.proc = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-extensions", "--remote-debugging-port=0", "--remote-allow-origins=*",
             f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = self.profile / "DevToolsActivePort"
        for _ in range(600):
            if port_file.is_file() and port_file.read_text().strip():
                break
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=300)
        self.next_id = 0
        self.events = []
        for method, params in (("Page.enable", {}), ("Network.enable", {}),
                               ("Network.setCacheDisabled", {"cacheDisabled": True}),
                               ("Page.addScriptToEvaluateOnNewDocument", {"source": PROBE})):
            self.call(method, params)

    def call(self, method, params=None):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params or {}}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                return msg.get("result", {})
            self.events.append(msg)

    def wait_event(self, method, limit=300):
        end = time.time() + limit
        while time.time() < end:
            for i, e in enumerate(self.events):
                if e.get("method") == method:
                    del self.events[: i + 1]
                    return e
            self.events.append(json.loads(self.ws.recv()))
        raise TimeoutError(method)

    def evaluate(self, expr):
        r = self.call("Runtime.evaluate", {"expression": expr, "returnByValue": True})
        return json.loads(r["result"]["value"])

    def open(self, path, want_rows=False):
        self.call("Page.navigate", {"url": "about:blank"})
        self.wait_event("Page.loadEventFired")
        self.events.clear()
        self.call("Page.navigate", {"url": pathlib.Path(path).resolve().as_uri()})
        self.wait_event("Page.loadEventFired")
        for _ in range(3000):  # paint and (for the index) every row, polled
            m = self.evaluate(READ)
            if m["fcp"] is not None and (m["rows"] is not None or not want_rows):
                return m
            time.sleep(0.02)
        raise TimeoutError(str(path))

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def du(path):
    total = 0
    for p in pathlib.Path(path).rglob("*"):
        if p.is_file():
            total += p.stat().st_size
    return total


def mb(n):
    return f"{n / 1e6:.1f} MB"


def timed_run(docpipe, pipeline, corpus, out, jobs):
    t = time.monotonic()
    r = subprocess.run([docpipe, "run", pipeline, "--input", corpus, "--out", out, "--jobs",
                        str(jobs), "--force"], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"run failed ({r.returncode}): {r.stderr[-2000:]}")
    return time.monotonic() - t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=10000)
    ap.add_argument("--build", default="build")
    ap.add_argument("--work", default="/tmp/docpipe-review-bench")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--keep", action="store_true", help="reuse the corpus and outputs of WORK")
    a = ap.parse_args()
    work = pathlib.Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    docpipe = str(ROOT / a.build / "bin" / "docpipe")
    corpus = work / f"corpus-{a.n}"
    if not corpus.is_dir():
        subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), str(corpus), str(a.n),
                        "--seed", "16"], check=True, stdout=subprocess.DEVNULL)
    # The same pipeline without the review outputs, for the run-time cost.
    plain = work / "demo-without-review.yaml"
    plain.write_text(f"version: 1\nname: demo-without-review\nextends: {ROOT}/pipelines/demo.yaml\n"
                     "outputs:\n  - {id: write.review-page, enabled: false}\n"
                     "  - {id: write.review, enabled: false}\n", encoding="utf-8")
    out, out_plain = work / "out", work / "out-plain"
    rows = []
    if not (a.keep and (out / "review" / "index.html").is_file()):
        for d in (out, out_plain):
            shutil.rmtree(d, ignore_errors=True)
        t_plain = timed_run(docpipe, plain, corpus, out_plain, a.jobs)
        t_review = timed_run(docpipe, ROOT / "pipelines/demo.yaml", corpus, out, a.jobs)
        rows.append(("run without review pages", f"{t_plain:.1f} s"))
        rows.append(("run with review pages", f"{t_review:.1f} s "
                     f"(+{100 * (t_review - t_plain) / t_plain:.0f} %)"))
    review = out / "review"
    pages = sorted((review / "docs").rglob("*.html"), key=lambda p: p.stat().st_size)
    rows += [
        ("documents / pages", f"{a.n} / {len(pages)}"),
        ("review/ on disk", mb(du(review))),
        ("review/docs/ (document pages)",
         f"{mb(du(review / 'docs'))}, mean {du(review / 'docs') / max(1, len(pages)) / 1e3:.0f} kB, "
         f"largest {pages[-1].stat().st_size / 1e3:.0f} kB" if pages else "none"),
        ("index.html", f"{(review / 'index.html').stat().st_size / 1e3:.0f} kB"),
        ("index-data.js", mb((review / "index-data.js").stat().st_size)),
        ("rules.html", f"{(review / 'rules.html').stat().st_size / 1e3:.0f} kB"),
        ("json/ (for scale)", mb(du(out / "json"))),
    ]
    browser = Chromium(work)
    try:
        index = [browser.open(review / "index.html", want_rows=True) for _ in range(a.repeat)]
        search = browser.evaluate(SEARCH)
        rules = [browser.open(review / "rules.html") for _ in range(a.repeat)]
        largest = [browser.open(pages[-1]) for _ in range(a.repeat)] if pages else []
    finally:
        browser.close()
    med = lambda ms, key: statistics.median(m[key] for m in ms)
    rows += [
        ("index.html first contentful paint (median of "
         f"{a.repeat})", f"{med(index, 'fcp'):.0f} ms (runs: "
         + ", ".join(f"{m['fcp']:.0f}" for m in index) + ")"),
        ("index.html load event", f"{med(index, 'load'):.0f} ms"),
        ("index: all rows loaded (index-data.js parsed, table filled)", f"{med(index, 'rows'):.0f} ms"),
        ("index: a search over all rows ('团委')", f"{search['ms']:.0f} ms, {search['shown']}"),
        ("rules.html first contentful paint", f"{med(rules, 'fcp'):.0f} ms"),
    ]
    if largest:
        rows.append((f"largest document page ({pages[-1].stat().st_size / 1e3:.0f} kB) first "
                     "contentful paint", f"{med(largest, 'fcp'):.0f} ms"))
    print(f"review bench: {a.n} documents, --jobs {a.jobs}, {time.strftime('%Y-%m-%d %H:%M')}\n")
    print("| measure | value |\n|---|---|")
    for k, v in rows:
        print(f"| {k} | {v} |")
    if not a.keep:
        shutil.rmtree(corpus, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
