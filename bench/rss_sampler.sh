# Sourced by the benchmarks (run_bench.sh, scale_bench.sh).
# Peak of the summed memory of a process and its children (the parent plus
# its workers), sampled every 100 ms; /usr/bin/time only reports the largest
# single process. Each process counts its proportional set size (Pss, from
# /proc/PID/smaps_rollup): pages shared between processes are divided among
# them, so a worker caught between fork and exec, which still shares all of
# the parent's pages, does not count them a second time as VmRSS did.
# Shell builtins only (read from /proc), so the sampler does not take the CPU
# time it is measuring: `ps` every 100 ms cost a tenth of a core.
pss_kib() {  # pid -> Pss in KiB (VmRSS where smaps_rollup is missing; 0 when gone)
  local key value unit
  if [ -r "/proc/$1/smaps_rollup" ]; then
    while read -r key value unit; do
      [ "$key" = "Pss:" ] && { echo "$value"; return; }
    done 2>/dev/null < "/proc/$1/smaps_rollup"
  fi
  while read -r key value unit; do
    [ "$key" = "VmRSS:" ] && { echo "$value"; return; }
  done 2>/dev/null < "/proc/$1/status"
  echo 0
}
tree_pss_peak() {  # pid -> prints peak KiB when the process ends
  local pid=$1 peak=0 now kids k
  while kill -0 "$pid" 2>/dev/null; do
    kids=""
    read -r kids < "/proc/$pid/task/$pid/children" 2>/dev/null || true
    now=$(pss_kib "$pid")
    for k in $kids; do now=$((now + $(pss_kib "$k"))); done
    [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.1
  done
  echo "$peak"
}
