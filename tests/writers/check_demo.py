#!/usr/bin/python3
"""End to end: runs pipelines/demo.yaml (the seeds through every cleaning and
structure stage) with the real docpipe CLI, then checks what the writers
made of them with the same independent readers as the fixture tests:
every JSON validates against the schema, every DOCX passes python-docx and
pandoc with the headings the JSON says, the run's XLSX reads back in
openpyxl, and LibreOffice converts the DOCX files and the workbook.

usage: check_demo.py DOCPIPE PIPELINE SCHEMA OUT_DIR"""
import glob
import json
import os
import shutil
import subprocess
import sys

from writers_common import Failures, check_json_outputs

docpipe, pipeline, schema_path, out = sys.argv[1:]
here = os.path.dirname(os.path.abspath(__file__))
fail = Failures()

shutil.rmtree(out, ignore_errors=True)  # a fresh run, not a resume from the ledger
run = subprocess.run([docpipe, "run", pipeline, "--out", out], capture_output=True, text=True, timeout=600)
if not fail.check(run.returncode == 0, f"docpipe run exit {run.returncode}: {run.stderr[-2000:]}"):
    fail.exit("check_demo")

outputs = sorted(glob.glob(os.path.join(out, "json", "**", "*.json"), recursive=True))
fail.check(len(outputs) >= 5, f"{len(outputs)} JSON outputs")
check_json_outputs(outputs, schema_path, fail)

docx_dir = os.path.join(out, "docx")
for args in (["check_docx.py", "gbt9704", docx_dir], ["check_pandoc.py", docx_dir],
             ["check_xlsx.py", os.path.join(out, "summary.xlsx")]):
    r = subprocess.run([sys.executable, os.path.join(here, args[0])] + args[1:] + outputs,
                       capture_output=True, text=True, cwd=here)
    fail.check(r.returncode == 0, f"{args[0]}:\n{r.stdout[-3000:]}{r.stderr[-2000:]}")

specs = []
for path in outputs:
    doc = json.load(open(path, encoding="utf-8"))
    stem = os.path.splitext(os.path.basename(path))[0]
    heading = next((b["text"] for b in doc["blocks"] if b["kind"] == "heading"), "")
    specs.append(f"{os.path.join(docx_dir, stem + '.docx')}::{heading[:12]}")
specs.append(os.path.join(out, "summary.xlsx") + "::单位")  # the Chinese header (locale: zh)
r = subprocess.run([sys.executable, os.path.join(here, "check_libreoffice.py"), os.path.join(out, "pdf")] + specs,
                   capture_output=True, text=True, cwd=here)
fail.check(r.returncode == 0, f"check_libreoffice.py:\n{r.stdout[-3000:]}")
fail.exit("check_demo")
