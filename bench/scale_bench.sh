#!/bin/bash
# Memory and no-change cost of `docpipe run` over a large collection:
# generates N small reports (a few lines each, in folders of 1,000), runs
# the demo pipeline over them once, then again with nothing changed, and
# prints for both: wall and CPU seconds, the peak RSS of the largest process
# and the peak Pss of parent + workers summed (rss_sampler.sh), and the
# no-change run's share of the full run. Then splits the same collection into SHARDS shards and merges them
# (`docpipe merge`), timing the merge.
#
# usage: bench/scale_bench.sh [N]          (default 200000)
# env:   BUILD=build  WORK=/tmp/docpipe-scale  JOBS=2  SHARDS=0 (0: no shard runs)
# docs/performance.md and docs/scaling.md record the figures.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
BUILD=${BUILD:-build}
WORK=${WORK:-/tmp/docpipe-scale}
JOBS=${JOBS:-2}
SHARDS=${SHARDS:-0}
N=${1:-200000}
docpipe="$root/$BUILD/bin/docpipe"
pipeline="$root/pipelines/demo.yaml"
py=/usr/bin/python3
[ -x "$docpipe" ] || { echo "no $docpipe: build it first" >&2; exit 2; }
. "$here/rss_sampler.sh"

corpus="$WORK/corpus-$N"
if [ ! -d "$corpus" ]; then
  $py - "$corpus" "$N" <<'PY'
import os, sys
out, n = sys.argv[1], int(sys.argv[2])
orgs = ["西湖区", "上城区", "拱墅区", "余杭区", "萧山区", "临平区", "钱塘区", "富阳区"]
for i in range(n):
    d = os.path.join(out, "batch%04d" % (i // 1000))
    if i % 1000 == 0:
        os.makedirs(d, exist_ok=True)
    org = orgs[i % len(orgs)]
    year = 2016 + i % 9
    with open(os.path.join(d, "report_%07d.txt" % i), "w", encoding="utf-8") as f:
        f.write("共青团%s委员会%d年工作总结\n\n一、主要工作\n全年开展志愿服务活动%d场，"
                "参与青年%d人次。\n二、下一步打算\n继续做好青年工作。\n\n共青团%s委员会\n%d年12月%d日\n"
                % (org, year, 10 + i % 90, 100 + i % 900, org, year, 1 + i % 28))
PY
fi

# run LABEL OUT ARGS... -> "label|wall|cpu|largest KiB|tree KiB|rc|counts"
run() {
  local label=$1 out=$2; shift 2
  local tlog="$WORK/time.log"
  /usr/bin/time -v -o "$tlog" "$docpipe" "$@" --log-level warn > "$WORK/stdout.log" 2> "$WORK/stderr.log" &
  local tpid=$!
  sleep 0.05
  local dpid tree rc=0
  dpid=$(pgrep -P "$tpid" -n || echo "$tpid")
  tree=$(tree_pss_peak "$dpid")
  wait "$tpid" || rc=$?
  local wall cpu rss counts
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tlog" |
         awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  cpu=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ {s+=$2} END {print s}' "$tlog")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tlog")
  counts=$($py -c "import json,sys; r=json.load(open(sys.argv[1])); print(' '.join(f'{k}={v}' for k,v in sorted(r['counts'].items())))" "$out/run-report.json" 2>/dev/null || echo "-")
  echo "$label|$wall|$cpu|$rss|$tree|$rc|$counts"
}

row() {  # the fields of run() as a Markdown row
  IFS='|' read -r label wall cpu rss tree rc counts <<< "$1"
  printf '| %s | %d | %.1f | %.1f | %.0f | %.0f | %s | %s | %s |\n' "$label" "$N" "$wall" "$cpu" \
    "$(echo "$rss / 1024" | bc -l)" "$(echo "$tree / 1024" | bc -l)" "$rc" "$counts" \
    "$(cut -d' ' -f1 /proc/loadavg)"
}

stamp=$(date +%s)
out="$WORK/out-$stamp"
echo "| run | inputs | wall s | CPU s | peak RSS MB (largest process) | peak PSS MB (parent + workers) | exit | statuses | load avg at end |"
echo "|---|---|---|---|---|---|---|---|---|"
full=$(run "full, --jobs $JOBS" "$out" run "$pipeline" --input "$corpus" --out "$out" --jobs "$JOBS")
row "$full"
again=$(run "no-change re-run, --jobs $JOBS" "$out" run "$pipeline" --input "$corpus" --out "$out" --jobs "$JOBS")
row "$again"
$py - "$full" "$again" <<'PY'
import sys
full, again = (float(a.split("|")[1]) for a in sys.argv[1:3])
print(f"\nno-change re-run: {again:.1f} s = {100 * again / full:.1f} % of the full run ({full:.1f} s)")
PY

if [ "$SHARDS" -gt 0 ]; then
  dirs=()
  for k in $(seq 0 $((SHARDS - 1))); do
    d="$out-shard-$k"
    row "$(run "shard $k/$SHARDS, --jobs $JOBS" "$d" run "$pipeline" --input "$corpus" --out "$d" \
          --shard "$k/$SHARDS" --jobs "$JOBS")"
    dirs+=("$d")
  done
  row "$(run "merge of $SHARDS shards" "$out-merged" merge "${dirs[@]}" --out "$out-merged")"
fi
rm -rf "$out" "$out"-shard-* "$out-merged"
