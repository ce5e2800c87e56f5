#!/bin/bash
# Captures the JSON output of one docpipe build over fixed inputs, so a change
# that must not change behaviour (a refactoring) can be shown byte-identical:
#
#   scripts/snapshot-outputs.sh OLD_BUILD /tmp/snap-before   # before the change
#   scripts/snapshot-outputs.sh build /tmp/snap-after        # after it
#   diff -r /tmp/snap-before /tmp/snap-after && echo identical
#
# Inputs: samples/, the seeds (../shared/seeds, when present) and a bench
# corpus of N documents (bench/gen_corpus.py, fixed --seed; default N 300)
# generated into SNAPSHOT/../<name>-corpus, the same path for both snapshots
# when they sit side by side. Each set runs through pipelines/base.yaml (JSON
# and its other outputs) with --force and a private ledger. Kept: the JSON
# documents as written, and <set>.outcomes.tsv (input, status, stage, error
# of each document, from run-report.json); the other outputs, the report and
# the quarantine hold times and are dropped.
#
# BUILD_DIR may be a copy of a build's bin/, lib/ and share/ taken before the
# change (cp -a build/bin build/lib build/share OLD_BUILD/): its own lib/
# comes first on the library path.
#
# usage: scripts/snapshot-outputs.sh BUILD_DIR SNAPSHOT_DIR [N]
# env:   ISOLATION=process|thread (default process)  JOBS=2
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
[ $# -ge 2 ] || { sed -n 2,22p "$0" >&2; exit 2; }
build=$(cd "$1" && pwd)
snap=$2
n=${3:-300}
docpipe="$build/bin/docpipe"
export LD_LIBRARY_PATH="$build/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
[ -x "$docpipe" ] || { echo "no $docpipe: build it first" >&2; exit 2; }
mkdir -p "$snap"
snap=$(cd "$snap" && pwd)
# The corpus lives beside the snapshots, under one name, so that both runs
# read the same paths (source.path is part of the JSON).
corpus="$(dirname "$snap")/docpipe-snapshot-corpus-$n"
if [ ! -d "$corpus" ]; then
  /usr/bin/python3 "$root/bench/gen_corpus.py" "$corpus.tmp" "$n" --seed 7 >/dev/null
  mv "$corpus.tmp" "$corpus"
fi

sets=("samples:$root/samples" "bench:$corpus")
[ -d "$root/../shared/seeds" ] && sets+=("seeds:$(cd "$root/../shared/seeds" && pwd)")

for s in "${sets[@]}"; do
  name=${s%%:*}
  input=${s#*:}
  out="$snap/$name"
  rm -rf "$out" "$snap/.state-$name"
  "$docpipe" run "$root/pipelines/base.yaml" --input "$input" --out "$out" --force \
    --jobs "${JOBS:-2}" --isolation "${ISOLATION:-process}" \
    --state "$snap/.state-$name/ledger.sqlite" --log-format json 2>"$snap/$name.log" ||
    echo "$name: docpipe exited with $? (see $snap/$name.log)" >&2
  # What became of each document, without the times of run-report.json.
  /usr/bin/python3 - "$out/run-report.json" >"$snap/$name.outcomes.tsv" <<'PY'
import json, sys
for d in json.load(open(sys.argv[1]))["documents"]:
    print("\t".join([d["input"], d["status"], d["stage"], d["error"]]))
PY
  # Only the JSON documents are compared: other outputs of the pipeline
  # (review pages) carry times.
  find "$out" -mindepth 1 -maxdepth 1 ! -name json -exec rm -rf {} +
  rm -rf "$snap/.state-$name" "$snap/$name.log"
  echo "$name: $(find "$out" -name '*.json' | wc -l) JSON documents in $out"
done
