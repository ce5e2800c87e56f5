"""Pieces shared by the scale tests (merge, Slurm): a corpus, a pipeline,
and the comparison of two XLSX summaries and two run reports, read with
openpyxl and json, never with docpipe's own code."""
import json
import os
import shutil
import subprocess
import sys

import openpyxl

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def make_corpus(root, per_folder=12, folders=("2023", "2023-12", "2024/q1")):
    """Reports generated from the bundled samples (bench/gen_corpus.py with
    the samples as seeds: TXT, HTML and DOCX with noise), in several folders
    whose names sort differently as strings and as paths, plus inputs that
    fail (quarantine) and an input new to the collection."""
    inputs = os.path.join(root, "collected")
    for k, folder in enumerate(folders):
        subprocess.run([sys.executable, os.path.join(REPO, "bench", "gen_corpus.py"),
                        os.path.join(inputs, folder), str(per_folder), "--seed", str(11 + k),
                        "--seeds", os.path.join(REPO, "samples")], check=True)
    for name in os.listdir(os.path.join(REPO, "samples")):
        shutil.copy(os.path.join(REPO, "samples", name), os.path.join(inputs, name))
    # Not a ZIP: read.docx fails, the document is quarantined.
    with open(os.path.join(inputs, "2023", "broken.docx"), "wb") as f:
        f.write(b"PK\x03\x04 this is not really a Word file")
    return inputs


def write_pipeline(root, name="scale-test", extra_stage=None, sleep_ms=0, plugins=None):
    """The demo pipeline's stages (base.yaml) with JSON, DOCX and the XLSX
    summary; `sleep_ms` appends the test plugin that takes that long per
    document (so a Slurm task can be cancelled midway), `extra_stage` the
    given YAML lines of another stage."""
    lines = ["version: 1", "name: %s" % name,
             "extends: %s" % json.dumps(os.path.join(REPO, "pipelines", "base.yaml"))]
    if plugins:
        lines.append("plugin_paths: [%s]" % json.dumps(plugins))
    stages = []
    if sleep_ms:
        stages += ["  - use: test.misbehave", "    with: {sleep_ms: %d}" % sleep_ms]
    if extra_stage:
        stages += extra_stage
    if stages:  # appended after base.yaml's stages (new ids: the extends merge rule)
        lines += ["stages:"] + stages
    lines += ["outputs:",
              "  - use: write.json",
              "    path: \"{out}/json/{reldir}/{stem}.json\"",
              "  - use: write.docx",
              "    path: \"{out}/docx/{reldir}/{stem}.docx\"",
              "  - use: write.xlsx",
              "    path: \"{out}/summary.xlsx\""]
    path = os.path.join(root, name + ".yaml")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def sheet_values(path):
    wb = openpyxl.load_workbook(path, read_only=True)
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = [tuple(c for c in row) for row in ws.iter_rows(values_only=True)]
    wb.close()
    return out


# Run sheet items that differ between any two runs: when, and from where.
RUN_ITEMS_OF_THE_RUN = ("Start", "End", "Pipeline file", "开始", "结束", "流水线文件")


# What the run did (as opposed to what the workbook lists).
THIS_RUN = ("This run: ", "本次运行：")


def compare_summaries(single_xlsx, merged_xlsx, this_run=True):
    """Every sheet cell for cell; on the Run sheet every item but the
    start, end and pipeline file of the run, and without `this_run` also
    without what the run did: a shard that was killed and resumed skips,
    in its last run, what it did before the kill, as one machine's resumed
    run does."""
    a, b = sheet_values(single_xlsx), sheet_values(merged_xlsx)
    skip = RUN_ITEMS_OF_THE_RUN if this_run else RUN_ITEMS_OF_THE_RUN + THIS_RUN
    check(list(a) == list(b), "sheets differ: %s vs %s" % (list(a), list(b)))
    for name in a:
        ra, rb = a[name], b[name]
        if name in ("Run", "运行"):
            ra = [r for r in ra if r and not str(r[0]).startswith(skip)]
            rb = [r for r in rb if r and not str(r[0]).startswith(skip)]
        check(len(ra) == len(rb), "sheet %s: %d rows in %s, %d in %s" %
              (name, len(ra), single_xlsx, len(rb), merged_xlsx))
        for i, (x, y) in enumerate(zip(ra, rb)):
            check(x == y, "sheet %s row %d differs:\n  single: %r\n  merged: %r" % (name, i + 1, x, y))
    return {name: len(rows) for name, rows in a.items()}


def load_report(out_dir):
    with open(os.path.join(out_dir, "run-report.json")) as f:
        return json.load(f)
