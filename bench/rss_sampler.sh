# Sourced by the benchmarks (run_bench.sh, scale_bench.sh).
# Peak of the summed RSS of a process and its children (the parent plus its
# workers), sampled every 100 ms; /usr/bin/time only reports the largest
# single process. Shell builtins only (read from /proc), so the sampler does
# not take the CPU time it is measuring: `ps` every 100 ms cost a tenth of a
# core.
rss_kib() {  # pid -> VmRSS in KiB (0 when gone)
  local key value unit
  while read -r key value unit; do
    [ "$key" = "VmRSS:" ] && { echo "$value"; return; }
  done 2>/dev/null < "/proc/$1/status"
  echo 0
}
tree_rss_peak() {  # pid -> prints peak KiB when the process ends
  local pid=$1 peak=0 now kids k
  while kill -0 "$pid" 2>/dev/null; do
    kids=""
    read -r kids < "/proc/$pid/task/$pid/children" 2>/dev/null || true
    now=$(rss_kib "$pid")
    for k in $kids; do now=$((now + $(rss_kib "$k"))); done
    [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.1
  done
  echo "$peak"
}
