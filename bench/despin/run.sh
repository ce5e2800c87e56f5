#!/usr/bin/env bash
# clean.despin against 伪原创 spinning of clean reports (docs/cleaning.md):
# restored share of spun words, and false replacements per 10,000 characters
# of clean text, with and without the context rule. Prints figures only.
# usage: bench/despin/run.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
shared=$root/../shared
bin=$build/bin/docpipe
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/spin.py" make "$shared/corpus/real-dev/gold" "$shared/gold" \
  --pairs "$root/plugins/clean.despin/spin_pairs.tsv" --out "$tmp"
for context in true false; do
  for mode in detect force; do
    force=false; [ $mode = force ] && force=true
    cat >"$tmp/$mode-$context.yaml" <<YAML
version: 1
name: despin-$mode-$context
stages:
  - use: clean.despin
    with: {force: $force, context: $context}
outputs:
  - use: write.json
    path: "{out}/{stem}.json"
YAML
  done
  "$bin" run "$tmp/detect-$context.yaml" --input "$tmp/spun" --out "$tmp/spun-$context" --log-level error >/dev/null 2>&1 || true
  "$bin" run "$tmp/detect-$context.yaml" --input "$tmp/clean" --out "$tmp/clean-$context" --log-level error >/dev/null 2>&1 || true
  "$bin" run "$tmp/force-$context.yaml" --input "$tmp/clean" --out "$tmp/forced-$context" --log-level error >/dev/null 2>&1 || true
  echo "context rule: $context"
  python3 "$here/spin.py" score "$tmp" "$tmp/spun-$context" "$tmp/clean-$context" "$tmp/forced-$context"
done
