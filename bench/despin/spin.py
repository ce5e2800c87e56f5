#!/usr/bin/env python3
"""Spins clean texts the way 伪原创 tools do and measures clean.despin.

  spin.py make GOLD_DIR... --pairs PAIRS --out DIR   writes DIR/clean/*.txt and DIR/spun/*.txt
  spin.py score DIR SPUN_OUT CLEAN_OUT FORCED_OUT    prints the figures

The spinner is plain substring replacement, longest original first, in one
left-to-right pass, with the first spun form the pair table lists for each
original (the table read backwards): the behaviour of the tools NOISE.md
describes. Restored = spun words that come back as the original; false
replacements = substitutions despin makes in the clean texts when forced."""
import json, os, sys
from difflib import SequenceMatcher


def read_pairs(path):
    fwd = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        cols = line.split()
        if len(cols) >= 2:
            spun, orig = cols[0], cols[1]
            fwd.setdefault(orig, spun)
    return fwd


def spin(text, fwd):
    keys = sorted(fwd, key=len, reverse=True)
    out, i, n = [], 0, 0
    while i < len(text):
        for k in keys:
            if text.startswith(k, i):
                out.append(fwd[k])
                i += len(k)
                n += 1
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out), n


def gold_text(path):
    g = json.load(open(path, encoding="utf-8"))
    return "\n\n".join(b.get("text", "") for b in g.get("blocks", []))


def make(args):
    pairs = args[args.index("--pairs") + 1]
    out = args[args.index("--out") + 1]
    golds = [a for a in args if a not in ("--pairs", pairs, "--out", out)]
    fwd = read_pairs(pairs)
    os.makedirs(os.path.join(out, "clean"), exist_ok=True)
    os.makedirs(os.path.join(out, "spun"), exist_ok=True)
    counts = {}
    for d in golds:
        for f in sorted(os.listdir(d)):
            if not f.endswith(".json"):
                continue
            text = gold_text(os.path.join(d, f))
            stem = os.path.basename(d.rstrip("/")).replace("-", "_") + "_" + f[:-5]
            spun, n = spin(text, fwd)
            open(os.path.join(out, "clean", stem + ".txt"), "w", encoding="utf-8").write(text + "\n")
            open(os.path.join(out, "spun", stem + ".txt"), "w", encoding="utf-8").write(spun + "\n")
            counts[stem] = n
    json.dump(counts, open(os.path.join(out, "counts.json"), "w"))


def body_of(out_dir, stem):
    d = json.load(open(os.path.join(out_dir, stem + ".json"), encoding="utf-8"))
    return d, "\n\n".join(b.get("text", "") for b in d["blocks"])


def score(args):
    base, spun_json, clean_json, forced_json = args
    counts = json.load(open(os.path.join(base, "counts.json")))
    spun_words = sum(counts.values())
    wrong, chars, false_subs, forced_subs, not_spun = 0, 0, 0, 0, 0
    for stem, n in counts.items():
        orig = open(os.path.join(base, "clean", stem + ".txt"), encoding="utf-8").read().strip()
        chars += len(orig)
        try:
            d, restored = body_of(spun_json, stem)
        except FileNotFoundError:
            continue
        if n and "spun_restored" not in d.get("flags", []):
            not_spun += 1
        sm = SequenceMatcher(None, orig, restored.strip(), autojunk=False)
        wrong += sum(1 for op in sm.get_opcodes() if op[0] != "equal")
        c, _ = body_of(clean_json, stem)
        false_subs += sum(1 for e in c.get("edits", []) if e.get("rule") == "spin.pair")
        f, _ = body_of(forced_json, stem)
        forced_subs += sum(1 for e in f.get("edits", []) if e.get("rule") == "spin.pair")
    print(f"spun texts: {len(counts)} documents, {spun_words} spun words; "
          f"{not_spun} spun documents not detected")
    print(f"  restored            {100.0 * (spun_words - wrong) / max(spun_words, 1):.1f} % "
          f"({wrong} places still differ from the original)")
    print(f"  false replacements  {false_subs} in {chars} characters of clean text "
          f"({10000.0 * false_subs / max(chars, 1):.2f} per 10,000)")
    print(f"  forced on clean text {forced_subs} ({10000.0 * forced_subs / max(chars, 1):.2f} per 10,000: "
          f"the ambiguous pairs' risk inside a document judged spun)")


if __name__ == "__main__":
    {"make": make, "score": score}[sys.argv[1]](sys.argv[2:])
