#!/usr/bin/env bash
# Runs pipelines/demo.yaml over samples/ and checks the cleaning and structure
# quality against gold: the floors below are what the pipeline achieves today
# (docs/cleaning.md, docs/structure.md); a change that lowers them fails here.
set -u
bin=$1 root=$2 py=${3:-/usr/bin/python3}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$bin" run "$root/pipelines/demo.yaml" --out "$tmp/out" --jobs 2 || { echo "demo run failed"; exit 1; }
"$py" "$root/tests/e2e/score.py" "$root/tests/e2e/gold" "$tmp/out/json" --json "$tmp/scores.json"
"$py" - "$tmp/scores.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
MIN_BODY_F1 = 0.99
MIN_HEAD_F1 = 1.0
MIN_META_HITS = 25   # of 25
bad = []
hits = 0
for r in rows:
    if r.get("missing"):
        bad.append(f"{r['doc']}: no output"); continue
    if r["body_f1"] < MIN_BODY_F1: bad.append(f"{r['doc']}: body_f1 {r['body_f1']} < {MIN_BODY_F1}")
    if r["head_f1"] < MIN_HEAD_F1: bad.append(f"{r['doc']}: head_f1 {r['head_f1']} < {MIN_HEAD_F1}")
    hits += sum(r["meta"].values())
spin = [r for r in rows if r["doc"].startswith("004")]
if spin and spin[0].get("spin_left", 0) != 0: bad.append(f"004: spin_left {spin[0]['spin_left']}")
if hits < MIN_META_HITS: bad.append(f"metadata hits {hits} < {MIN_META_HITS}")
for b in bad: print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
