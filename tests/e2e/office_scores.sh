#!/usr/bin/env bash
# The sample reports as PDF and as Word 97 .doc (made by LibreOffice in the
# test set-up: tests/readers/fixtures/make_office_fixtures.py) through
# pipelines/demo.yaml, scored against the same gold as the text samples.
# Issue 19's bar: body F1 >= 0.97 and heading F1 >= 0.95 for every report.
set -u
bin=$1 root=$2 py=$3 fixtures=$4
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
for fmt in pdf doc; do
  if ! "$bin" run "$root/pipelines/demo.yaml" --input "$fixtures/$fmt" --out "$tmp/$fmt" --jobs 2 \
       > "$tmp/$fmt.log" 2>&1; then
    echo "demo run over $fmt failed:"; cat "$tmp/$fmt.log"; status=1; continue
  fi
  echo "== $fmt"
  "$py" "$root/tests/e2e/score.py" "$root/tests/e2e/gold" "$tmp/$fmt/json" --json "$tmp/$fmt.json"
  "$py" - "$tmp/$fmt.json" "$fmt" <<'PY' || status=1
import json, sys
rows, fmt = json.load(open(sys.argv[1])), sys.argv[2]
MIN_BODY_F1, MIN_HEAD_F1 = 0.97, 0.95
bad = []
for r in rows:
    if r.get("missing"):
        bad.append(f"{fmt} {r['doc']}: no output"); continue
    if r["body_f1"] < MIN_BODY_F1: bad.append(f"{fmt} {r['doc']}: body_f1 {r['body_f1']} < {MIN_BODY_F1}")
    if r["head_f1"] < MIN_HEAD_F1: bad.append(f"{fmt} {r['doc']}: head_f1 {r['head_f1']} < {MIN_HEAD_F1}")
for b in bad: print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
done
exit $status
