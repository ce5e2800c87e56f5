#!/usr/bin/env bash
# Real-page cleaning quality (issue 13's figures; docs/quality.md):
#   - ../shared/corpus/real-dev: body F1, heading F1, metadata, pages with chrome left
#   - the seeds (samples/ against tests/e2e/gold): the same scores
#   - clean text: the gold texts of both sets as plain TXT through the base
#     pipeline must keep their wording (punctuation aside)
#   - ../shared/corpus/docx-dev: how far cleaning moves the DOCX reader's own text
# Prints figures; it asserts nothing (the floors are in tests/e2e).
# usage: bench/real-quality/run.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
shared=$root/../shared
bin=$build/bin/docpipe
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() { "$bin" run "$@" --jobs 2 --log-level error >/dev/null 2>&1 || true; }

run "$root/pipelines/base.yaml" --input "$shared/corpus/real-dev/in" --out "$tmp/real"
run "$root/pipelines/base.yaml" --input "$root/samples" --out "$tmp/seeds"

python3 "$here/measure.py" gold-to-txt "$shared/corpus/real-dev/gold" "$tmp/gold-txt/real"
python3 "$here/measure.py" gold-to-txt "$root/tests/e2e/gold" "$tmp/gold-txt/seeds"
run "$root/pipelines/base.yaml" --input "$tmp/gold-txt" --out "$tmp/gold-out"

# The DOCX reader alone, then the base pipeline, over the same files.
cat >"$tmp/reader-only.yaml" <<YAML
version: 1
name: reader-only
stages: []
outputs:
  - use: write.json
    path: "{out}/json/{reldir}/{stem}.json"
YAML
if [ -d "$shared/corpus/docx-dev" ]; then
  run "$tmp/reader-only.yaml" --input "$shared/corpus/docx-dev" --out "$tmp/docx-raw"
  run "$root/pipelines/base.yaml" --input "$shared/corpus/docx-dev" --out "$tmp/docx-clean"
fi

python3 "$here/measure.py" report --shared "$shared" --root "$root" --tmp "$tmp"
