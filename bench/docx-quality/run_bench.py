#!/usr/bin/python3
"""DOCX reading quality: docpipe's JSON body text against pandoc's plain text
on the files of ../shared/corpus/docx-dev (or any folder of .docx files).

usage: /usr/bin/python3 bench/docx-quality/run_bench.py --docpipe build/bin/docpipe
           [--corpus ../shared/corpus/docx-dev] [--per-file]
       /usr/bin/python3 bench/docx-quality/run_bench.py --readers-dump build/bin/readers_dump
           [--tables-empty] ...

Each file is converted with `docpipe convert FILE -o FILE.json` (the bundled
base pipeline, as a user would) and its block texts (signatures left out,
as ../shared/tools/score.py does) are scored with score.py's character F1
against `pandoc -f docx -t plain --wrap=none`. A file pandoc cannot read is
skipped; a file docpipe fails on scores 0 and is counted as a failure
(a crash — a signal — is counted apart). pandoc's table rules (runs of
three or more '-') and its `[]` for a picture without alt text are removed
from the gold first: they are drawing, not text (score.py's folding keeps
punctuation, so a table's rules would outweigh its cells).

--readers-dump scores the reader alone (tests/readers/readers_dump, no
cleaning stages): table blocks count with their cells joined, or with an
empty text under --tables-empty, which is what the JSON carried before
issue 14 — the way to measure an older build that has no such JSON.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "..", "shared", "tools"))
from score import body, f1  # noqa: E402


def dump_text(out, tables_empty):
    """Block texts from readers_dump's listing ("kind\tlevel\tmarker\ttext",
    tables as "[a | b] [c | d] "; other lines continue a multi-line block)."""
    blocks, kind = [], None
    for line in out.split("\n"):
        if line.startswith(("# ", "! ", "ERROR ")) or not line:
            continue
        parts = line.split("\t", 3)
        if len(parts) == 4 and parts[0] in ("heading", "paragraph", "list_item", "table",
                                            "signature", "note"):
            kind, _, _, text = parts
            if kind == "table":
                text = "" if tables_empty else text.replace(" | ", "\t").replace("[", "").replace("]", "")
            if kind != "signature":
                blocks.append(text)
        elif blocks:
            blocks[-1] += "\n" + ("" if tables_empty and kind == "table" else line)
    return "\n".join(blocks)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docpipe", default=os.path.join(ROOT, "build", "bin", "docpipe"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "docx-dev"))
    ap.add_argument("--readers-dump")
    ap.add_argument("--tables-empty", action="store_true")
    ap.add_argument("--per-file", action="store_true")
    args = ap.parse_args()
    files = sorted(os.path.join(r, f) for r, _, fs in os.walk(args.corpus)
                   for f in fs if f.endswith(".docx"))
    scores, failed, crashed, skipped = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i, path in enumerate(files):
            p = subprocess.run(["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", path],
                               capture_output=True, timeout=120)
            if p.returncode != 0:
                skipped.append(path)
                continue
            gold = p.stdout.decode("utf-8", "replace").replace("[]", "")
            gold = "\n".join(w for w in gold.split() if not set(w) <= {"-"} or len(w) < 3)
            if args.readers_dump:
                r = subprocess.run([args.readers_dump, path], capture_output=True, timeout=120)
                text = dump_text(r.stdout.decode("utf-8", "replace"), args.tables_empty)
                if r.returncode < 0:
                    crashed.append(path)
                elif r.returncode != 0:
                    failed.append(path)
            else:
                out = os.path.join(tmp, f"{i}.json")
                r = subprocess.run([args.docpipe, "convert", path, "-o", out, "--log-level", "off"],
                                   capture_output=True, timeout=120)
                if r.returncode < 0:
                    crashed.append(path)
                text = ""
                if os.path.exists(out):
                    text = body(json.load(open(out, encoding="utf-8")))
                elif r.returncode >= 0:
                    failed.append(path)
            s = f1(text, gold)
            scores.append(s)
            if args.per_file:
                print(f"{s:.3f}\t{os.path.relpath(path, args.corpus)}")
    print(f"files scored: {len(scores)} (pandoc cannot read {len(skipped)}: "
          f"{', '.join(os.path.basename(s) for s in skipped) or '-'})")
    print(f"mean F1 {statistics.mean(scores):.3f}, median {statistics.median(scores):.3f}, "
          f"below 0.9: {sum(s < 0.9 for s in scores)}, failed {len(failed)}, crashed {len(crashed)}")
    for f in failed + crashed:
        print(("crashed: " if f in crashed else "failed: ") + os.path.relpath(f, args.corpus))


if __name__ == "__main__":
    main()
