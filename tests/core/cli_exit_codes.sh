#!/usr/bin/env bash
# The CLI's documented exit codes and error messages, through the real binary.
set -u
bin=$1 data=$2 samples=$3 plugins=$4
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
expect() {  # expect CODE DESCRIPTION -- COMMAND...
  local want=$1 what=$2; shift 3
  "$@" >"$tmp/stdout" 2>"$tmp/stderr"; local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: $what: exit $got, expected $want"; cat "$tmp/stderr"; fail=1
  else echo "ok: $what"; fi
}
expect 2 "no command" -- "$bin"
expect 0 "--help" -- "$bin" --help
expect 2 "unknown command" -- "$bin" frobnicate
expect 2 "unknown option" -- "$bin" run --no-such-option
expect 0 "run --help" -- "$bin" run --help
grep -q -- "--jobs" "$tmp/stdout" || { echo "FAIL: run --help does not mention --jobs"; fail=1; }

cat > "$tmp/broken.yaml" <<'Y'
version: 1
stages:
  - use: write.jsn
    with: {}
Y
expect 2 "validate broken pipeline" -- "$bin" validate "$tmp/broken.yaml"
grep -q "broken.yaml:3:5: stages\[0\].use: unknown plugin 'write.jsn'; did you mean 'write.json'?" "$tmp/stderr" \
  || { echo "FAIL: validate message"; cat "$tmp/stderr"; fail=1; }

cat > "$tmp/ok.yaml" <<Y
version: 1
inputs: [in]
outputs:
  - {use: write.json, path: "{out}/{stem}.json"}
run: {isolation: thread}
Y
mkdir -p "$tmp/in"; cp "$samples"/001_*.txt "$tmp/in/"
expect 0 "validate good pipeline" -- "$bin" validate "$tmp/ok.yaml"
expect 0 "run all ok" -- "$bin" run "$tmp/ok.yaml" --out "$tmp/out"
ls "$tmp/out"/001_*.json >/dev/null || { echo "FAIL: no output"; fail=1; }
printf '\x00\x01\x02\x03binary' > "$tmp/in/junk.txt"
expect 1 "run with a bad document" -- "$bin" run "$tmp/ok.yaml" --out "$tmp/out2"
ls "$tmp/out2"/001_*.json >/dev/null || { echo "FAIL: good document not written"; fail=1; }
expect 2 "run with missing inputs" -- "$bin" run "$tmp/ok.yaml" --input "$tmp/nowhere" --out "$tmp/out3"
expect 0 "plugins list" -- "$bin" plugins list
grep -q "^read.txt" "$tmp/stdout" || { echo "FAIL: plugins list lacks read.txt"; fail=1; }
expect 0 "plugins info" -- "$bin" plugins info write.json
grep -q '"pretty"' "$tmp/stdout" || { echo "FAIL: plugins info lacks the schema"; fail=1; }
expect 2 "plugins info unknown" -- "$bin" plugins info write.jsn
expect 0 "convert to json" -- "$bin" convert "$samples/001_00566ea121ac1a0c.txt" -o "$tmp/c/one.json" --pipeline "$tmp/ok.yaml"
grep -q '"schema": "docpipe/document@1"' "$tmp/c/one.json" || { echo "FAIL: convert output"; fail=1; }
expect 2 "convert to an unknown format" -- "$bin" convert "$samples/001_00566ea121ac1a0c.txt" -o "$tmp/c/one.xyz" --pipeline "$tmp/ok.yaml"
expect 1 "convert a binary file" -- "$bin" convert "$tmp/in/junk.txt" -o "$tmp/c/junk.json" --pipeline "$tmp/ok.yaml"
[ ! -e "$tmp/c/junk.json" ] || { echo "FAIL: output written for a failed document"; fail=1; }
cat > "$tmp/replace.yaml" <<Y
version: 1
plugin_paths: ["$plugins/good"]
stages:
  - {use: test.replace, id: star, with: {from: "团区委", to: "＊"}}
Y
expect 0 "explain" -- "$bin" explain "$samples/001_00566ea121ac1a0c.txt" --pipeline "$tmp/replace.yaml"
grep -q "^== star" "$tmp/stdout" && grep -q "^\[replace\] block 0" "$tmp/stdout" && grep -q "^  + 一年来,＊在区委" "$tmp/stdout" \
  || { echo "FAIL: explain output"; head -20 "$tmp/stdout"; fail=1; }
expect 0 "documented example pipeline validates" -- "$bin" validate "$(dirname "$0")/../../examples/pipelines/office.yaml"
expect 2 "bad log format" -- "$bin" plugins list --log-format xml
exit $fail
