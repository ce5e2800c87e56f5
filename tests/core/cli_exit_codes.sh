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
# The summary groups failures by reason, with a count and a few examples,
# and names the report that lists them all; durations are rounded.
cp "$tmp/in/junk.txt" "$tmp/in/junk2.txt"
expect 1 "run with two bad documents" -- "$bin" run "$tmp/ok.yaml" --out "$tmp/out2b"
grep -qE "^failed \(2\) \[read[^]]*\]: " "$tmp/stderr" && grep -q "^every document and its error: .*run-report.json" "$tmp/stderr" \
  && grep -qE "^docpipe: [0-9]+ documents in [0-9]+\.[0-9]{2,3} s:" "$tmp/stderr" \
  && ! grep -E "junk2?\.txt.*junk2?\.txt" "$tmp/stderr" \
  || { echo "FAIL: grouped summary"; cat "$tmp/stderr"; fail=1; }
expect 1 "run summary as JSON" -- "$bin" run "$tmp/ok.yaml" --out "$tmp/out2c" --log-format json
tail -n 1 "$tmp/stderr" | python3 -c 'import json,sys; j=json.load(sys.stdin); g=j["failure_groups"][0]; assert j["event"]=="run summary" and g["count"]==2 and len(g["examples"])==2, j' \
  || { echo "FAIL: JSON summary"; cat "$tmp/stderr"; fail=1; }
rm "$tmp/in/junk2.txt"
mkdir -p "$tmp/empty"
expect 0 "run over an empty folder" -- "$bin" run "$tmp/ok.yaml" --input "$tmp/empty" --out "$tmp/out-empty"
grep -q "warning: no input documents found in $tmp/empty" "$tmp/stderr" || { echo "FAIL: empty folder warning"; cat "$tmp/stderr"; fail=1; }
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
# A change inside a paragraph is marked in place (word-diff style), not the
# paragraph printed twice.
grep -q "^== star" "$tmp/stdout" && grep -q "^\[replace\] block 0" "$tmp/stdout" && grep -qF "  ~ 一年来,[-团区委-]{+＊+}在区委" "$tmp/stdout" \
  || { echo "FAIL: explain output"; head -20 "$tmp/stdout"; fail=1; }
# A stage whose constructor throws (an exception class of the plugin's own,
# as an invalid pattern or a missing data file gives): a configuration error,
# exit 2 with the message, from every command; never a crash.
cat > "$tmp/throws.yaml" <<Y
version: 1
plugin_paths: ["$plugins/ctor_throws"]
inputs: [in]
stages:
  - {use: test.ctor_throws, id: bad-pattern}
outputs:
  - {use: write.json, path: "{out}/{stem}.json"}
Y
for cmd in "validate $tmp/throws.yaml" \
           "explain $samples/001_00566ea121ac1a0c.txt --pipeline $tmp/throws.yaml" \
           "convert $samples/001_00566ea121ac1a0c.txt -o $tmp/c/t.json --pipeline $tmp/throws.yaml" \
           "run $tmp/throws.yaml --out $tmp/out-throws" \
           "run $tmp/throws.yaml --out $tmp/out-throws-t --isolation thread"; do
  # shellcheck disable=SC2086
  expect 2 "constructor throws: ${cmd%% *}" -- "$bin" $cmd
  grep -q "stage 'bad-pattern' (plugin 'test.ctor_throws') cannot start: cannot compile pattern '('" "$tmp/stderr" \
    || { echo "FAIL: ${cmd%% *}: message"; cat "$tmp/stderr"; fail=1; }
done
# The same through a real plugin: an invalid pattern in extra_patterns.
cat > "$tmp/badre.yaml" <<Y
version: 1
inputs: [in]
stages:
  - {use: clean.boilerplate, with: {extra_patterns: ["(unclosed"]}}
outputs:
  - {use: write.json, path: "{out}/{stem}.json"}
Y
expect 2 "validate: invalid extra_patterns" -- "$bin" validate "$tmp/badre.yaml"
grep -q "clean.boilerplate" "$tmp/stderr" || { echo "FAIL: extra_patterns message"; cat "$tmp/stderr"; fail=1; }
expect 2 "explain: invalid extra_patterns" -- "$bin" explain "$samples/001_00566ea121ac1a0c.txt" --pipeline "$tmp/badre.yaml"
expect 2 "explain an unknown stage" -- "$bin" explain "$samples/001_00566ea121ac1a0c.txt" --pipeline "$tmp/replace.yaml" --stage stra
grep -q "no stage 'stra'.*did you mean 'star'?" "$tmp/stderr" || { echo "FAIL: explain --stage message"; cat "$tmp/stderr"; fail=1; }
expect 2 "plugins info suggests" -- "$bin" plugins info docx
grep -q "did you mean 'read.docx' or 'write.docx'?" "$tmp/stderr" || { echo "FAIL: plugins info suggestions"; cat "$tmp/stderr"; fail=1; }
expect 2 "run --jobs -1" -- "$bin" run "$tmp/ok.yaml" --out "$tmp/out-j" --jobs -1
grep -q -- "--jobs: expected an integer ≥ 0" "$tmp/stderr" || { echo "FAIL: --jobs message"; cat "$tmp/stderr"; fail=1; }

# Schema errors as a person reads them: the unknown key named, the closest
# known key suggested, its own line; what type was expected; stage indexes
# counted in the file the user wrote.
cat > "$tmp/typo.yaml" <<'Y'
version: 1
extends: base.yaml
stages:
  - use: structure.figures
    with:
      extra_unit: ["架次"]
Y
expect 2 "validate a typo in with" -- "$bin" validate "$tmp/typo.yaml"
grep -qF "typo.yaml:6:7: stages[0].with: unknown key 'extra_unit' in structure.figures's \`with\`; did you mean 'extra_units'?" "$tmp/stderr" \
  || { echo "FAIL: unknown key message"; cat "$tmp/stderr"; fail=1; }
printf 'version: 1\nrun:\n  jobs: two\n  isolaton: thread\n' > "$tmp/jobs.yaml"
expect 2 "validate a wrong type" -- "$bin" validate "$tmp/jobs.yaml"
grep -qF 'jobs.yaml:3:3: run.jobs: expected an integer ≥ 0, got "two"' "$tmp/stderr" \
  || { echo "FAIL: type message"; cat "$tmp/stderr"; fail=1; }
grep -qF "jobs.yaml:4:3: run.isolaton: unknown key 'isolaton'; did you mean 'isolation'?" "$tmp/stderr" \
  || { echo "FAIL: unknown run key message"; cat "$tmp/stderr"; fail=1; }
# The merged pipeline, defaults filled in, each part with where it came from.
printf 'version: 1\nextends: base.yaml\nstages:\n  - {use: test.replace, id: star, with: {from: "团区委"}, before: structure.outline}\nplugin_paths: ["%s/good"]\nrun:\n  timeout: 60\n' "$plugins" > "$tmp/show.yaml"
expect 0 "pipeline show" -- "$bin" pipeline show "$tmp/show.yaml"
grep -qE '^  - id: "star"  # .*show.yaml:4:5$' "$tmp/stdout" && grep -qF '    with: {"from":"团区委","to":"*"}' "$tmp/stdout" \
  && grep -qE '^  - id: "clean.terms"  # .*base.yaml:[0-9]+:5$' "$tmp/stdout" \
  && grep -qE '^  timeout: 60(\.0)?  # .*show.yaml:7:3$' "$tmp/stdout" && grep -qE '^  jobs: 0  # default$' "$tmp/stdout" \
  && [ "$(grep -n 'id: "star"' "$tmp/stdout" | cut -d: -f1)" -lt "$(grep -n 'id: "structure.outline"' "$tmp/stdout" | cut -d: -f1)" ] \
  || { echo "FAIL: pipeline show"; cat "$tmp/stdout"; fail=1; }
expect 0 "documented example pipeline validates" -- "$bin" validate "$(dirname "$0")/../../examples/pipelines/office.yaml"
expect 2 "bad log format" -- "$bin" plugins list --log-format xml
# A plugin built for another ABI is refused from its manifest, before any of
# its code runs: its static initialiser would leave the mark file.
expect 0 "plugins list, wrong ABI" -- \
  env DOCPIPE_TEST_LOAD_MARK="$tmp/abi-mark" "$bin" plugins list --path "$plugins/abi_major"
grep -q "docpipe_test_abi_major.so: plugin was built for docpipe plugin ABI 99.0" "$tmp/stderr" \
  && grep -q "none of its code was loaded" "$tmp/stderr" \
  || { echo "FAIL: wrong-ABI refusal message"; cat "$tmp/stderr"; fail=1; }
[ ! -e "$tmp/abi-mark" ] || { echo "FAIL: the refused plugin's code ran"; fail=1; }
exit $fail
