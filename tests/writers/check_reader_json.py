#!/usr/bin/python3
"""The JSON contract on what the readers make of real files: runs
`docpipe run` (the bundled base pipeline, JSON output) over the reader
fixtures and the shared DOCX and HTML dev corpora, then checks that every
JSON written validates against schemas/document.schema.json and keeps the
block contract (a table's text is its cells joined; no block with content
has an empty text).

usage: check_reader_json.py DOCPIPE PIPELINE SCHEMA OUT_DIR INPUT_DIR...
Some fixtures are unreadable on purpose (zip bomb, truncated package):
those documents fail and are not counted; every other input must give a
JSON file."""
import glob
import os
import shutil
import subprocess
import sys

from writers_common import Failures, check_json_outputs

docpipe, pipeline, schema_path, out, *given = sys.argv[1:]
inputs = [i for i in given if os.path.exists(i)]
# The shared corpora (../shared beside the repository) hold most of the tables;
# without them the readers' own fixtures still have a few.
min_tables = 10 if len(inputs) == len(given) else 3
fail = Failures()
shutil.rmtree(out, ignore_errors=True)
args = [docpipe, "run", pipeline, "--out", out, "--jobs", "2"]
for i in inputs:
    args += ["--input", i]
run = subprocess.run(args, capture_output=True, text=True, timeout=900)
fail.check(run.returncode in (0, 1), f"docpipe run exit {run.returncode}: {run.stderr[-2000:]}")
outputs = sorted(glob.glob(os.path.join(out, "json", "**", "*.json"), recursive=True))
fail.check(len(outputs) >= 20, f"only {len(outputs)} JSON outputs")
docs = check_json_outputs(outputs, schema_path, fail)
tables = sum(b["kind"] == "table" for doc in docs for b in doc["blocks"])
fail.check(tables >= min_tables,
           f"only {tables} table blocks: the check would not see the table contract")
print(f"{len(outputs)} JSON outputs, {tables} tables")
fail.exit("check_reader_json")
