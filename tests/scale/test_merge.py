#!/usr/bin/env python3
"""`docpipe merge`: the shards of a run, merged, are what one machine's run
over the whole collection writes (XLSX summary cell for cell, run report
counts and documents in input order, quarantine); shards of different
pipelines, an incomplete or repeated set of shards are refused.

usage: test_merge.py TEST --docpipe BIN --work DIR
TEST: equals_single | refuses
"""
import argparse
import json
import os
import shutil
import subprocess

from scale_common import (check, compare_summaries, fail, load_report, make_corpus,
                          write_pipeline)

ARGS = None
SHARDS = 3


def docpipe(*args, rc=(0, 1)):
    p = subprocess.run([ARGS.docpipe] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    if rc is not None and p.returncode not in rc:
        fail("docpipe %s exited %d\nstdout:\n%s\nstderr:\n%s" %
             (" ".join(args), p.returncode, p.stdout, p.stderr))
    return p


def run_single(root, pipeline, inputs):
    docpipe("run", pipeline, "--input", inputs, "--out", os.path.join(root, "single"),
            "--jobs", "2", "--log-level", "warn")
    return os.path.join(root, "single")


def run_shards(root, pipeline, inputs, n=SHARDS):
    dirs = []
    for k in range(n):
        out = os.path.join(root, "shard-%d" % k)
        # The ledger outside the output directory, as on a cluster.
        docpipe("run", pipeline, "--input", inputs, "--shard", "%d/%d" % (k, n), "--out", out,
                "--state", os.path.join(root, "state", "shard-%d.sqlite" % k), "--jobs", "1",
                "--log-level", "warn")
        dirs.append(out)
    return dirs


def merge(root, dirs, out="merged", rc=(0, 1)):
    return docpipe("merge", *dirs, "--out", os.path.join(root, out), rc=rc)


def quarantined_inputs(single_dir):
    qdir = os.path.join(single_dir, "quarantine")
    out = []
    for name in sorted(os.listdir(qdir)) if os.path.isdir(qdir) else []:
        if name.endswith(".json"):
            with open(os.path.join(qdir, name)) as f:
                out.append(json.load(f)["input"])
    return sorted(out)


def compare(root, single, merged):
    rows = compare_summaries(os.path.join(single, "summary.xlsx"),
                             os.path.join(merged, "summary.xlsx"))
    a, b = load_report(single), load_report(merged)
    check(a["counts"] == b["counts"], "counts: single %s, merged %s" % (a["counts"], b["counts"]))
    check(a["reasons"] == b["reasons"],
          "reasons: single %s, merged %s" % (a["reasons"], b["reasons"]))
    check(a["exit_code"] == b["exit_code"], "exit codes differ")
    da = [(d["input"], d["status"], d["reason"]) for d in a["documents"]]
    db = [(d["input"], d["status"], d["reason"]) for d in b["documents"]]
    check(da == db, "documents (input, status, reason) differ in content or order:\n%s\n%s" %
          (da, db))
    with open(os.path.join(merged, "quarantine.json")) as f:
        index = json.load(f)
    check(sorted(e["input"] for e in index) == quarantined_inputs(single),
          "quarantine index %s, single run's quarantine %s" %
          ([e["input"] for e in index], quarantined_inputs(single)))
    for e in index:
        check(os.path.isfile(e["entry"]), "quarantine index names a missing entry " + e["entry"])
    return rows


def test_equals_single(root):
    inputs = make_corpus(root)
    pipeline = write_pipeline(root)
    single = run_single(root, pipeline, inputs)
    dirs = run_shards(root, pipeline, inputs)
    for d in dirs:  # every shard did part of the work
        check(load_report(d)["counts"].get("ok", 0) > 0, d + " processed nothing")
    merge(root, dirs)
    rows = compare(root, single, os.path.join(root, "merged"))
    check(rows.get("报告", rows.get("Reports", 0)) > 40, "too few report rows: %s" % rows)
    check(len(quarantined_inputs(single)) == 1, "the broken input is not quarantined")

    # The next night: one new report, one changed. Each is in one shard; the
    # others skip everything; the merge still equals a single run's.
    samples = sorted(n for n in os.listdir(inputs) if n.endswith(".txt"))
    with open(os.path.join(inputs, samples[0]), encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(inputs, "2023-12", "new_report.txt"), "w", encoding="utf-8") as f:
        f.write(text.replace("2023", "2024"))
    with open(os.path.join(inputs, samples[1]), "a", encoding="utf-8") as f:
        f.write("\n附：本总结经团委会议讨论通过。\n")
    run_single(root, pipeline, inputs)
    run_shards(root, pipeline, inputs)
    merge(root, dirs, out="merged-2")
    compare(root, single, os.path.join(root, "merged-2"))
    counts = load_report(os.path.join(root, "merged-2"))["counts"]
    check(counts.get("skipped", 0) > 40 and counts.get("ok", 0) == 2,
          "the second night should process 2 documents: %s" % counts)


def test_refuses(root):
    inputs = make_corpus(root, per_folder=3)
    pipeline = write_pipeline(root)
    dirs = run_shards(root, pipeline, inputs)
    # Shard 1 again with another pipeline (another XLSX locale: another hash).
    other_root = os.path.join(root, "other")
    os.makedirs(other_root)
    other = write_pipeline(other_root)
    with open(other, "a") as f:
        f.write("    with: {locale: en}\n")
    docpipe("run", other, "--input", inputs, "--shard", "1/%d" % SHARDS, "--out",
            os.path.join(root, "other-1"), "--jobs", "1", "--log-level", "warn")
    cases = [
        ([dirs[0], os.path.join(root, "other-1"), dirs[2]], "different pipelines"),
        (dirs[:2], "shard 2/3 is missing"),
        ([dirs[0], dirs[1], dirs[1], dirs[2]], "given twice"),
        ([dirs[0], os.path.join(root, "nowhere"), dirs[2]], "no run-report.json"),
    ]
    for shard_dirs, message in cases:
        p = merge(root, shard_dirs, out="refused", rc=None)
        check(p.returncode == 2, "merge of %s: exit %d, expected 2\n%s" %
              (shard_dirs, p.returncode, p.stderr))
        check(message in p.stderr, "merge of %s: expected '%s' in:\n%s" %
              (shard_dirs, message, p.stderr))
        check(not os.path.exists(os.path.join(root, "refused", "run-report.json")),
              "a refused merge wrote a report")
    p = merge(root, dirs, out=os.path.relpath(dirs[0], root), rc=None)
    check(p.returncode == 2 and "shard's output directory" in p.stderr,
          "merging into a shard's directory: %d %s" % (p.returncode, p.stderr))
    # A shard whose last run was killed: its ledger says so.
    import sqlite3
    db = sqlite3.connect(os.path.join(root, "state", "shard-2.sqlite"))
    db.execute("INSERT INTO runs(pipeline, pipeline_hash, shard, started, status, planned) "
               "VALUES ('x', 'y', '2/3', '2030-01-01T00:00:00', 'running', 1)")
    db.commit()
    db.close()
    p = merge(root, dirs, out="refused", rc=None)
    check(p.returncode == 2 and "run the shard again" in p.stderr,
          "a shard with an unfinished run: %d %s" % (p.returncode, p.stderr))


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("test")
    ap.add_argument("--docpipe", required=True)
    ap.add_argument("--work", required=True)
    ARGS = ap.parse_args()
    root = os.path.join(ARGS.work, ARGS.test)
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    {"equals_single": test_equals_single, "refuses": test_refuses}[ARGS.test](root)
    print("ok")


if __name__ == "__main__":
    main()
