#!/usr/bin/env python3
"""Figures for bench/real-quality/run.sh (see there). Scoring is
../shared/tools/score.py's, imported, so the figures are the scorer's own."""
import argparse, importlib.util, json, os, re, sys, unicodedata
from difflib import SequenceMatcher


def load_scorer(shared):
    spec = importlib.util.spec_from_file_location("score", os.path.join(shared, "tools", "score.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def outputs(out_dir, sc):
    docs = {}
    for r, _, files in os.walk(out_dir):
        for f in files:
            if f.endswith(".json"):
                try:
                    d = json.load(open(os.path.join(r, f), encoding="utf-8"))
                except ValueError:
                    continue
                if isinstance(d, dict) and "blocks" in d:
                    docs[sc.source_stem(d, f)] = d
    return docs


def words_only(s):
    """Text without whitespace and punctuation: what 'wording' means here."""
    return "".join(ch for ch in s if not ch.isspace()
                   and not unicodedata.category(ch).startswith(("P", "S")))


def chrome_left(out, gold, sc):
    """Output blocks with under half of their characters found in the gold
    body: text the page added (chrome) that the pipeline left."""
    g = sc.fold(sc.body(gold))
    left = []
    for b in out.get("blocks", []):
        if b.get("kind") == "signature":
            continue
        t = sc.fold(b.get("text", ""))
        if len(t) < 2:
            continue
        m = sum(x.size for x in SequenceMatcher(None, t, g, autojunk=False).get_matching_blocks())
        if m < 0.5 * len(t):
            left.append(b.get("text", ""))
    return left


def score_set(name, gold_dir, out_dir, sc, show_chrome):
    outs = outputs(out_dir, sc)
    rows = []
    for gf in sorted(os.listdir(gold_dir)):
        if not gf.endswith(".json"):
            continue
        gold = json.load(open(os.path.join(gold_dir, gf), encoding="utf-8"))
        stem = os.path.basename(gold.get("source", gf)).split(".")[0]
        out = outs.get(stem) or next((d for k, d in outs.items() if k.startswith(stem[:3])), None)
        if out is None:
            rows.append((stem, 0.0, 0.0, 0, ["<no output>"]))
            continue
        hits = sum(sc.meta_hits(out, gold).values())
        rows.append((stem, sc.f1(sc.body(out), sc.body(gold)),
                     sc.set_f1(sc.heads(out), sc.heads(gold)), hits, chrome_left(out, gold, sc)))
    n = len(rows)
    body = sum(r[1] for r in rows) / n
    head = sum(r[2] for r in rows) / n
    meta = sum(r[3] for r in rows)
    clean = sum(1 for r in rows if not r[4])
    print(f"{name}: {n} documents")
    print(f"  mean body F1      {body:.4f}")
    print(f"  mean heading F1   {head:.4f}")
    print(f"  metadata          {meta}/{5 * n} fields ({100.0 * meta / (5 * n):.1f} %)")
    print(f"  no chrome left    {clean}/{n} pages ({100.0 * clean / n:.1f} %)")
    if show_chrome:
        for stem, _, _, _, left in rows:
            for t in left:
                print(f"    left on {stem}: {t[:60]}")


def gold_to_txt(gold_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for gf in sorted(os.listdir(gold_dir)):
        if not gf.endswith(".json"):
            continue
        g = json.load(open(os.path.join(gold_dir, gf), encoding="utf-8"))
        lines = []
        title = (g.get("metadata") or {}).get("title")
        if title:
            lines.append(title)
        lines += [b.get("text", "") for b in g.get("blocks", [])]
        with open(os.path.join(out_dir, gf[:-5] + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n\n".join(lines) + "\n")


def clean_text(tmp, sc):
    changed, total = [], 0
    for sub in ("real", "seeds"):
        src = os.path.join(tmp, "gold-txt", sub)
        outs = outputs(os.path.join(tmp, "gold-out"), sc)
        for f in sorted(os.listdir(src)):
            total += 1
            stem = f[:-4]
            text = open(os.path.join(src, f), encoding="utf-8").read()
            out = outs.get(stem)
            if out is None:
                changed.append((stem, "<no output>"))
                continue
            got = "".join(b.get("text", "") for b in out["blocks"])
            title = (out.get("metadata") or {}).get("title") or ""
            a, b = words_only(text), words_only(title + got)
            if a != b:
                sm = SequenceMatcher(None, a, b, autojunk=False)
                diffs = [f"{a[i1:i2]!r}->{b[j1:j2]!r}" for op, i1, i2, j1, j2 in sm.get_opcodes()
                         if op != "equal"]
                changed.append((stem, "; ".join(diffs[:4])))
    print(f"clean text (gold as TXT through base.yaml): {total - len(changed)}/{total} keep their wording")
    for stem, d in changed:
        print(f"    changed {stem}: {d[:150]}")


def docx_delta(tmp, sc):
    raw, clean = outputs(os.path.join(tmp, "docx-raw"), sc), outputs(os.path.join(tmp, "docx-clean"), sc)
    pairs = [(k, raw[k], clean[k]) for k in raw if k in clean]
    if not pairs:
        print("docx-dev: not run")
        return
    f1s = [(k, sc.f1(sc.body(c), sc.body(r))) for k, r, c in pairs]
    mean = sum(f for _, f in f1s) / len(f1s)
    print(f"docx-dev: {len(pairs)} files; cleaning moves body text by {1 - mean:.4f} F1 on average "
          f"(mean F1 of cleaned against the reader's own text {mean:.4f})")
    for k, f in sorted(f1s, key=lambda x: x[1])[:5]:
        print(f"    most moved {k}: {f:.4f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd")
    ap.add_argument("args", nargs="*")
    ap.add_argument("--shared")
    ap.add_argument("--root")
    ap.add_argument("--tmp")
    ap.add_argument("--show-chrome", action="store_true")
    a = ap.parse_args()
    if a.cmd == "gold-to-txt":
        gold_to_txt(*a.args)
        return
    sc = load_scorer(a.shared)
    score_set("real-dev", os.path.join(a.shared, "corpus", "real-dev", "gold"),
              os.path.join(a.tmp, "real", "json"), sc, True)
    score_set("seeds", os.path.join(a.root, "tests", "e2e", "gold"), os.path.join(a.tmp, "seeds", "json"), sc, True)
    seeds_out = outputs(os.path.join(a.tmp, "seeds", "json"), sc)
    spin = sum(sum(sc.body(d).count(m) for m in sc.SPIN_MARKERS) for d in seeds_out.values())
    print(f"  spin_left         {spin}")
    clean_text(a.tmp, sc)
    docx_delta(a.tmp, sc)


if __name__ == "__main__":
    main()
