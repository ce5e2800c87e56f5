#!/usr/bin/env bash
# Paths in docs, scripts, benchmarks and pipelines are relative to the
# repository or to ../shared, never this machine's workspace.
cd "$1" || exit 2
hits=$(grep -rnE '/work/[A-Za-z]' docs scripts bench pipelines examples README.md 2>/dev/null)
if [ -n "$hits" ]; then
  echo "FAIL: absolute workspace paths:"; echo "$hits"; exit 1
fi
echo "ok: paths are relative"
