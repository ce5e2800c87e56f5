#!/bin/bash
# Benchmarks `docpipe run` with the demo pipeline (JSON + DOCX per document,
# one XLSX) over a generated corpus, at --jobs 1 and 2, plus the no-change
# re-run; and pandoc converting a sample of the same HTML/TXT files to DOCX,
# one process per file as users do today.
#
# usage: bench/run_bench.sh [N...]        (default: 1000)
# env:   BUILD=build-nightly  WORK=/tmp/docpipe-bench  JOBS="1 2"
#        ISOLATION=process    PANDOC_SAMPLE=60  REPEAT=3
# Each full run is repeated REPEAT times into a fresh output directory; the
# row shows the median run (by wall time) and the best wall time, since a
# shared virtual machine's speed varies by 10-20 % from run to run.
# Output directories are deleted only at the end: on ext4 without a journal,
# creating files right after deleting thousands of others is several times
# slower (the inode allocator skips recently deleted inodes), which would
# measure the file system's bookkeeping, not docpipe.
# Prints a Markdown table; docs/performance.md records the figures.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
BUILD=${BUILD:-build-nightly}
WORK=${WORK:-/tmp/docpipe-bench}
JOBS=${JOBS:-"1 2"}
ISOLATION=${ISOLATION:-process}
PANDOC_SAMPLE=${PANDOC_SAMPLE:-60}
REPEAT=${REPEAT:-3}
docpipe="$root/$BUILD/bin/docpipe"
pipeline="$root/pipelines/demo.yaml"
py=/usr/bin/python3
[ -x "$docpipe" ] || { echo "no $docpipe: build it first" >&2; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000)
mkdir -p "$WORK"

. "$here/rss_sampler.sh"

# run LABEL OUT ARGS... -> one table row (fields separated by |, see below)
run() {
  local label=$1 out=$2; shift 2
  local tlog="$WORK/time.log"
  /usr/bin/time -v -o "$tlog" "$docpipe" run "$pipeline" --out "$out" --isolation "$ISOLATION" \
      --log-level warn "$@" > "$WORK/stdout.log" 2> "$WORK/stderr.log" &
  local tpid=$!
  sleep 0.05
  local dpid
  dpid=$(pgrep -P "$tpid" -n || echo "$tpid")
  local tree
  tree=$(tree_pss_peak "$dpid")
  local rc=0
  wait "$tpid" || rc=$?
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tlog" |
         awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tlog")
  local cpu  # user + system seconds of the run and every worker it reaped
  cpu=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ {s+=$2} END {print s}' "$tlog")
  local counts
  counts=$($py -c "import json,sys; r=json.load(open(sys.argv[1])); print(' '.join(f'{k}={v}' for k,v in sorted(r['counts'].items())))" "$out/run-report.json")
  echo "$label|$n|$bytes|$wall|$rss|$tree|$rc|$counts|$cpu|$(cut -d' ' -f1 /proc/loadavg)"
}

# repeated LABEL OUTPREFIX ARGS... -> the median run of REPEAT as a table row,
# with the best wall time; OUTPREFIX-1.. are fresh output directories.
repeated() {
  local label=$1 prefix=$2; shift 2
  local rows=() k
  for k in $(seq 1 "$REPEAT"); do
    local out="$prefix-$k"
    [ "${REUSE_OUT:-0}" = 1 ] && out="$prefix"  # the no-change re-run
    rows+=("$(run "$label" "$out" "$@")")
    last_out="$out"
  done
  printf '%s\n' "${rows[@]}" | $py -c '
import sys
runs = [line.rstrip("\n").split("|") for line in sys.stdin if line.strip()]
runs.sort(key=lambda r: float(r[3]))
label, n, size, wall, rss, tree, rc, counts, cpu, load = runs[len(runs) // 2]
best = float(runs[0][3])
n, size, wall, cpu = int(n), int(size), float(wall), float(cpu)
print(f"| {label} | {n} | {wall:.2f} | {n / wall:.0f} | {n / best:.0f} | {size / wall / 1e6:.2f} | {cpu:.1f} | "
      f"{n / cpu if cpu else 0:.0f} | {int(rss) / 1024:.0f} | {int(tree) / 1024:.0f} | {load} | {rc} | {counts} |")
'
}

echo "| run | docs | wall s (median of $REPEAT) | docs/s (median) | docs/s (best) | MB/s | CPU s | docs per CPU-s | peak RSS MB (largest process) | peak PSS MB (parent + workers) | load avg at end | exit | statuses |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
stamp=$(date +%s)
for n in "${sizes[@]}"; do
  corpus="$WORK/corpus-$n"
  [ -d "$corpus" ] || $py "$here/gen_corpus.py" "$corpus" "$n"
  bytes=$(du -sb "$corpus" | cut -f1)
  for j in $JOBS; do
    repeated "full, --jobs $j" "$WORK/out-$stamp-$n-j$j" --input "$corpus" --jobs "$j"
  done
  last=$(echo $JOBS | awk '{print $NF}')
  # The no-change re-run: the last full run's output directory and ledger.
  REPEAT=1 REUSE_OUT=1 repeated "no-change re-run, --jobs $last" "$last_out" --input "$corpus" \
    --jobs "$last"
done

# pandoc, one process per file, on a sample of the UTF-8 HTML and TXT files
# (pandoc reads UTF-8 only, and has no notion of the noise): the time per
# file is extrapolated to the corpus.
set +o pipefail  # `head` closes the pipes early on purpose
corpus="$WORK/corpus-${sizes[0]}"
sample="$WORK/pandoc-sample"
rm -rf "$sample" && mkdir -p "$sample"
find "$corpus" -name '*.html' | sort | head -n $((PANDOC_SAMPLE / 2)) > "$sample/list"
for f in $(find "$corpus" -name '*.txt' | sort); do
  if iconv -f utf-8 -t utf-8 "$f" > /dev/null 2>&1 && ! head -c3 "$f" | grep -q $'\xef\xbb\xbf'; then echo "$f"; fi
done | head -n $((PANDOC_SAMPLE / 2)) >> "$sample/list"
count=$(wc -l < "$sample/list")
start=$(date +%s.%N)
i=0
while read -r f; do
  i=$((i + 1))
  case "$f" in
    *.html) pandoc -f html -t docx -o "$sample/$i.docx" "$f" ;;
    *.txt) pandoc -f markdown -t docx -o "$sample/$i.docx" "$f" ;;
  esac
done < "$sample/list"
end=$(date +%s.%N)
$py - "$count" "$start" "$end" "${sizes[0]}" <<'PY'
import sys
count, start, end, n = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
per = (end - start) / count
print()
print(f"pandoc (one process per file, {count} HTML/TXT files sampled): {per * 1000:.0f} ms per file, "
      f"{1 / per:.1f} docs/s; extrapolated to {n} files: {per * n:.0f} s")
PY

rm -rf "$WORK"/out-"$stamp"-*
