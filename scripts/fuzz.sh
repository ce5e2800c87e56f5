#!/usr/bin/env bash
# Runs each libFuzzer target of fuzz/ for FUZZ_SECONDS (default 60) seconds,
# seeded with the test fixtures and ../shared/corpus. Usage (from the repo
# root, after `make fuzz-build`): scripts/fuzz.sh BUILD_DIR [TARGET...]
# The growing corpus is kept in BUILD_DIR/fuzz-corpus/<target>, crashes in
# BUILD_DIR/fuzz-crashes/<target>/ (each one becomes a regression fixture).
# Exit status 1 when a target found a crash.
set -uo pipefail
build=${1:?build dir}
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(read_txt read_docx read_html read_pdf pipeline_loader)
seconds=${FUZZ_SECONDS:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared/corpus"
status=0
for t in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$t"
  crashes="$build/fuzz-crashes/$t"
  mkdir -p "$corpus" "$crashes"
  seeds=()
  case $t in
    read_txt) seeds=("$root/tests/readers/fixtures" "$root/samples") ;;
    read_docx) seeds=("$root/tests/readers/fixtures" "$shared/docx-dev") ;;
    read_html) seeds=("$root/tests/readers/fixtures" "$shared/html-dev/gne" "$shared/html-dev/readability-zh") ;;
    # The PDFs the test set-up makes (tests/readers/fixtures/make_office_fixtures.py).
    read_pdf) seeds=("$root/build/tests/readers/office") ;;
    pipeline_loader) seeds=("$root/pipelines" "$root/examples") ;;
  esac
  # Seeds: files of the matching kind, at most 1 MiB each.
  for d in "${seeds[@]}"; do
    [ -d "$d" ] || continue
    case $t in
      read_txt) pat='*.txt' ;; read_docx) pat='*.docx' ;; read_html) pat='*.html' ;; read_pdf) pat='*.pdf' ;; *) pat='*.yaml' ;;
    esac
    find "$d" -name "$pat" -size -1024k -type f -exec cp -n {} "$corpus/" \; 2>/dev/null
  done
  dict=()
  [ -f "$root/fuzz/$t.dict" ] && dict=(-dict="$root/fuzz/$t.dict")
  echo "fuzz_$t: ${seconds}s, corpus $(ls "$corpus" | wc -l) files"
  ASAN_OPTIONS=detect_leaks=0 "$build/bin/fuzz_$t" "$corpus" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=1048576 \
    -artifact_prefix="$crashes/" -print_final_stats=1 2>&1 | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)" || true
  if [ -n "$(ls -A "$crashes")" ]; then
    echo "fuzz_$t: crashes in $crashes"
    status=1
  fi
done
exit $status
