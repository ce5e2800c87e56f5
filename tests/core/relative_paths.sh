#!/usr/bin/env bash
# Paths in docs, scripts, benchmarks and pipelines are relative to the
# repository or to ../shared, never this machine's workspace.
cd "$1" || exit 2
hits=$(grep -rnE '/(work|farm)/[A-Za-z]' docs scripts bench pipelines examples tests core plugins README.md \
  2>/dev/null | grep -v '^tests/core/relative_paths.sh:')
if [ -n "$hits" ]; then
  echo "FAIL: absolute workspace paths:"; echo "$hits"; exit 1
fi
echo "ok: paths are relative"
