#!/usr/bin/env python3
"""Nightly-run behaviour of `docpipe run`, end to end through the CLI.

Each test builds its own corpus and pipeline in a temporary directory and
checks outcomes (statuses, the ledger, files on disk), never timings.

usage: test_nightly.py TEST --docpipe BIN --plugins DIR --samples DIR
"""
import argparse
import glob
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

ARGS = None


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


# Set by `make test-asan`, whose workers run without a memory limit.
ASAN = os.environ.get("DOCPIPE_ASAN") == "1"


# The time limit is generous unless a test is about it: a document of the
# samples took 2.5 s under ASan on a loaded machine (a 2 s default made
# nightly.ledger_corrupt fail there).
def write_pipeline(root, sleep_ms=0, timeout=120, memory_limit=None, extra_run="", batch=False):
    run = ["  timeout: %s" % timeout, "  jobs: 2"]
    if memory_limit:
        run.append("  memory_limit: %d" % memory_limit)
    if extra_run:
        run.append(extra_run)
    text = "\n".join([
        "version: 1",
        "name: nightly-test",
        "plugin_paths: [%s]" % json.dumps(ARGS.plugins),
        "inputs: [in]",
        "stages:",
        "  - use: test.misbehave",
        "    with: {sleep_ms: %d}" % sleep_ms,
        "outputs:",
        "  - use: write.json",
        "    path: \"{out}/json/{stem}.json\"",
    ] + (["  - use: test.batch-list", "    path: \"{out}/batch.json\"",
          "  - use: test.batch-summary", "    path: \"{out}/batch-summary.json\""]
         if batch else []) + [
        "run:",
    ] + run) + "\n"
    path = os.path.join(root, "pipeline.yaml")
    with open(path, "w") as f:
        f.write(text)
    return path


def copy_samples(root, copies=1):
    src = sorted(glob.glob(os.path.join(ARGS.samples, "*.txt")))
    check(src, "no samples in " + ARGS.samples)
    os.makedirs(os.path.join(root, "in"), exist_ok=True)
    names = []
    for k in range(copies):
        for s in src:
            base = os.path.basename(s)
            name = base if copies == 1 else "c%02d_%s" % (k, base)
            shutil.copy(s, os.path.join(root, "in", name))
            names.append(name)
    return names


def add_input(root, name, text):
    with open(os.path.join(root, "in", name), "w", encoding="utf-8") as f:
        f.write(text)


P_LAST_PID = [0]  # pid of the last `docpipe run`


def docpipe(root, *args, check_rc=None):
    cmd = [ARGS.docpipe, "run", os.path.join(root, "pipeline.yaml"), "--out",
           os.path.join(root, "out")] + list(args)
    with subprocess.Popen(cmd, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as proc:
        P_LAST_PID[0] = proc.pid
        try:
            out, err = proc.communicate(timeout=100)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    p = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    if check_rc is not None and p.returncode != check_rc:
        fail("%s exited %d, expected %d\nstdout:\n%s\nstderr:\n%s" %
             (" ".join(cmd), p.returncode, check_rc, p.stdout, p.stderr))
    return p


def report(root):
    with open(os.path.join(root, "out", "run-report.json")) as f:
        return json.load(f)


def statuses(rep):
    return {os.path.basename(d["input"]): d["status"] for d in rep["documents"]}


def ledger(root):
    return sqlite3.connect(os.path.join(root, "out", ".docpipe", "ledger.sqlite"))


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def test_incremental(root):
    names = copy_samples(root)
    write_pipeline(root)
    docpipe(root, check_rc=0)
    rep = report(root)
    check(rep["counts"] == {"ok": len(names)}, "first run counts: %s" % rep["counts"])
    out = os.path.join(root, "out", "json")
    mtimes = {n: os.stat(os.path.join(out, n)).st_mtime_ns for n in os.listdir(out)}

    # Unchanged re-run: nothing processed, no output touched.
    docpipe(root, check_rc=0)
    rep = report(root)
    check(rep["counts"] == {"skipped": len(names)}, "unchanged re-run counts: %s" % rep["counts"])
    check(all(d["reason"] == "unchanged" for d in rep["documents"]), "reasons: %s" % rep["documents"])
    check(mtimes == {n: os.stat(os.path.join(out, n)).st_mtime_ns for n in os.listdir(out)},
          "an unchanged re-run rewrote outputs")
    p = docpipe(root, "--dry-run", check_rc=0)
    check("0 to process" in p.stdout, "dry run of an unchanged tree: " + p.stdout)

    # A changed input, a deleted output, an output cut short (as a power loss
    # before the end-of-run sync leaves it): each exactly noticed.
    with open(os.path.join(root, "in", names[0]), "a", encoding="utf-8") as f:
        f.write("\n补充一段。\n")
    os.remove(os.path.join(out, os.path.splitext(names[1])[0] + ".json"))
    cut = os.path.join(out, os.path.splitext(names[2])[0] + ".json")
    os.truncate(cut, 0)
    p = docpipe(root, "--dry-run", check_rc=0)
    check("process  changed  " in p.stdout and names[0] in p.stdout, "dry run: " + p.stdout)
    check("process  output missing  " in p.stdout and names[1] in p.stdout, "dry run: " + p.stdout)
    check("process  output changed  " in p.stdout and names[2] in p.stdout, "dry run: " + p.stdout)
    check("3 to process" in p.stdout, "dry run: " + p.stdout)
    docpipe(root, check_rc=0)
    rep = report(root)
    check(rep["reasons"] == {"changed": 1, "output missing": 1, "output changed": 1},
          "reasons: %s" % rep["reasons"])
    check(os.path.exists(os.path.join(out, os.path.splitext(names[1])[0] + ".json")),
          "deleted output not rebuilt")
    with open(cut) as f:
        json.load(f)  # rebuilt whole

    # A pipeline change reprocesses everything; --force too.
    write_pipeline(root, sleep_ms=1)
    p = docpipe(root, "--dry-run", check_rc=0)
    check(p.stdout.count("pipeline changed") >= len(names), "dry run: " + p.stdout)
    docpipe(root, check_rc=0)
    check(report(root)["reasons"] == {"pipeline changed": len(names)}, "pipeline change")
    docpipe(root, "--force", "--isolation", "thread", check_rc=0)
    rep = report(root)
    check(rep["reasons"] == {"forced": len(names)} and rep["isolation"] == "thread", "forced: %s" % rep)
    db = ledger(root)
    runs = db.execute("SELECT status FROM runs").fetchall()
    check(all(r[0] == "finished" for r in runs) and len(runs) == 5, "runs: %s" % runs)


def test_isolation(root):
    names = copy_samples(root)
    bad = {"segfault.txt": ("DOCPIPE_TEST_SEGFAULT", "crashed"),
           "abort.txt": ("DOCPIPE_TEST_ABORT", "crashed"),
           "loop.txt": ("DOCPIPE_TEST_LOOP", "timeout"),
           # Under AddressSanitizer (make test-asan) workers have no
           # address-space limit; ASan's hard_rss_limit_mb kills the worker.
           "allocate.txt": ("DOCPIPE_TEST_ALLOCATE", "crashed" if ASAN else "failed"),
           "throw.txt": ("DOCPIPE_TEST_THROW", "failed")}
    for name, (marker, _) in bad.items():
        if name != "loop.txt":
            add_input(root, name, "工作总结\n一、概况\n%s 本段触发测试插件。\n" % marker)
    before = {n: sha(os.path.join(root, "in", n)) for n in os.listdir(os.path.join(root, "in"))}
    # No outcome may depend on how fast the machine is: the memory limit,
    # crashes and good documents run under a time limit nothing here comes
    # near on a busy machine (a memory-limit test must not race a time
    # limit)...
    write_pipeline(root, timeout=90, memory_limit=256, extra_run="  recycle_after: 3")
    docpipe(root, check_rc=1)
    rep = report(root)
    # ...and the endless loop runs alone under a short one (`run:` settings
    # are not part of the processing hash: the others are not redone).
    add_input(root, "loop.txt", "工作总结\n一、概况\nDOCPIPE_TEST_LOOP 本段触发测试插件。\n")
    before["loop.txt"] = sha(os.path.join(root, "in", "loop.txt"))
    write_pipeline(root, timeout=2, memory_limit=256, extra_run="  recycle_after: 3")
    docpipe(root, check_rc=1)
    loop_rep = report(root)
    check(statuses(loop_rep)["loop.txt"] == "timeout" and loop_rep["counts"] == {
        "timeout": 1, "skipped": len(names) + len(bad) - 1}, "loop run: %s" % loop_rep["counts"])
    rep["documents"] += [d for d in loop_rep["documents"] if d["input"].endswith("loop.txt")]
    rep["failures"] += loop_rep["failures"]
    st = statuses(rep)
    for n in names:
        check(st[n] == "ok", "%s: %s (the good documents must finish)" % (n, st[n]))
        check(os.path.exists(os.path.join(root, "out", "json", n[:-4] + ".json")), n + ": no output")
    for name, (_, want) in bad.items():
        check(st[name] == want, "%s: status %s, expected %s" % (name, st[name], want))
        entry = os.path.join(root, "out", "quarantine", name[:-4] + ".json")
        check(os.path.exists(entry), "no quarantine entry for " + name)
        with open(entry) as f:
            q = json.load(f)
        check(q["status"] == want and q["reason"] and q["sha256"] == before[name],
              "quarantine entry: %s" % q)
        # Even a crash or a time-out names the stage that was running.
        check(q["stage"] == "test.misbehave", "%s: stage %r" % (name, q["stage"]))
        link = os.path.join(root, "out", "quarantine", name)
        check(os.path.islink(link) and sha(link) == before[name], "quarantine link for " + name)
    stages = {os.path.basename(d["input"]): d["stage"] for d in rep["documents"]}
    check(all(stages[n] == "test.misbehave" for n in bad), "report stages: %s" % stages)
    errors = {os.path.basename(d["input"]): d["error"] for d in rep["documents"]}
    check(ASAN or "memory limit" in errors["allocate.txt"], "allocate: " + errors["allocate.txt"])
    # (ASan catches the SIGSEGV itself, reports it and exits.)
    check(ASAN or "SIGSEGV" in errors["segfault.txt"] or "Segmentation" in errors["segfault.txt"],
          "segfault: " + errors["segfault.txt"])
    check(len(rep["failures"]) == len(bad), "report failures: %s" % rep["failures"])

    # Quarantined documents are not retried while unchanged...
    write_pipeline(root, timeout=90, memory_limit=256, extra_run="  recycle_after: 3")
    docpipe(root, check_rc=0)
    rep = report(root)
    check(rep["counts"] == {"skipped": len(names) + len(bad)}, "re-run: %s" % rep["counts"])
    check(sum(d["reason"] == "quarantined (unchanged)" for d in rep["documents"]) == len(bad),
          "quarantine reasons")
    # ...but are once they change; a success lifts the quarantine.
    add_input(root, "segfault.txt", "工作总结\n一、概况\n已修复。\n")
    docpipe(root, check_rc=0)
    check(statuses(report(root))["segfault.txt"] == "ok", "fixed document not retried")
    check(not os.path.exists(os.path.join(root, "out", "quarantine", "segfault.json")),
          "quarantine entry kept after success")
    del before["segfault.txt"]
    for n, h in before.items():
        check(sha(os.path.join(root, "in", n)) == h, "input modified: " + n)


def test_resume(root):
    names = copy_samples(root, copies=8)  # 40 documents
    write_pipeline(root, sleep_ms=150, timeout=20)
    cmd = [ARGS.docpipe, "run", os.path.join(root, "pipeline.yaml"), "--out",
           os.path.join(root, "out"), "--jobs", "2"]
    proc = subprocess.Popen(cmd, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db_path = os.path.join(root, "out", ".docpipe", "ledger.sqlite")
    done = 0
    # Wait for real progress (not a fixed delay), then kill -9 mid-run.
    for _ in range(3000):
        if proc.poll() is not None:
            break
        if os.path.exists(db_path):
            try:
                done = sqlite3.connect(db_path, timeout=5).execute(
                    "SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.Error:
                done = 0
        if done >= 6:
            break
        time.sleep(0.01)
    check(proc.poll() is None, "the run ended before it could be killed")
    # A second run on the same ledger is refused while the first holds it.
    p = docpipe(root)
    if proc.poll() is None:
        check(p.returncode == 3 and "another docpipe run" in p.stderr,
              "concurrent run: %d %s" % (p.returncode, p.stderr))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    db = sqlite3.connect(db_path)
    before = db.execute("SELECT count(*) FROM documents WHERE status='ok'").fetchone()[0]
    db.close()
    check(0 < before < len(names), "documents done before the kill: %d" % before)
    # Whatever the kill left, no output is half-written.
    for path in glob.glob(os.path.join(root, "out", "json", "*.json")):
        with open(path) as f:
            json.load(f)

    docpipe(root, check_rc=0)
    rep = report(root)
    check(rep["counts"].get("ok", 0) == len(names) - before and
          rep["counts"].get("skipped", 0) == before, "resumed run counts: %s (before %d)" %
          (rep["counts"], before))
    check(any("interrupted" in n for n in rep["notes"]), "notes: %s" % rep["notes"])
    db = ledger(root)
    per_doc = db.execute("SELECT input, count(*) FROM attempts WHERE status='ok' GROUP BY input").fetchall()
    check(len(per_doc) == len(names) and all(n == 1 for _, n in per_doc),
          "each document done exactly once: %s" % per_doc)
    check(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "ledger integrity")
    runs = [r[0] for r in db.execute("SELECT status FROM runs ORDER BY id")]
    check(runs == ["interrupted", "finished"], "runs: %s" % runs)
    leftovers = [p for p in glob.glob(os.path.join(root, "out", "**", ".*"), recursive=True)
                 if ".tmp-" in p]
    check(not leftovers, "temporary files left: %s" % leftovers)
    outputs = glob.glob(os.path.join(root, "out", "json", "*.json"))
    check(len(outputs) == len(names), "outputs: %d" % len(outputs))
    for path in outputs:
        with open(path) as f:
            json.load(f)


def test_ledger_corrupt(root):
    copy_samples(root)
    write_pipeline(root)
    docpipe(root, check_rc=0)
    db_path = os.path.join(root, "out", ".docpipe", "ledger.sqlite")
    for suffix in ("-wal", "-shm"):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)
    with open(db_path, "wb") as f:
        f.write(b"this is not an SQLite database\n" * 200)
    before = sha(db_path)
    p = docpipe(root, check_rc=3)
    check("ledger" in p.stderr and db_path in p.stderr and "corrupt" in p.stderr,
          "message: " + p.stderr)
    check(sha(db_path) == before, "a corrupt ledger must be left as it is for inspection")
    p = docpipe(root, "--dry-run", check_rc=3)
    check("corrupt" in p.stderr, "dry run message: " + p.stderr)
    # Moving it aside, as the message says, starts afresh.
    os.rename(db_path, db_path + ".bad")
    docpipe(root, check_rc=0)


def test_shard(root):
    names = copy_samples(root, copies=4)
    write_pipeline(root)
    seen = []
    for k in range(3):
        docpipe(root, "--shard", "%d/3" % k, "--state",
                os.path.join(root, "state-%d.sqlite" % k), check_rc=0)
        seen += [os.path.basename(d["input"]) for d in report(root)["documents"]]
    check(sorted(seen) == sorted(names), "shards must partition the inputs: %s" % sorted(seen))
    p = docpipe(root, "--shard", "3/3", check_rc=2)
    check("--shard" in p.stderr, p.stderr)
    # Stable: the same partition on a second pass (each shard has its own ledger).
    p = docpipe(root, "--shard", "1/3", "--state", os.path.join(root, "state-1.sqlite"), check_rc=0)
    check(set(report(root)["counts"]) == {"skipped"}, "shard re-run: %s" % report(root)["counts"])


def test_batch(root):
    names = copy_samples(root)
    write_pipeline(root, batch=True)
    batch = os.path.join(root, "out", "batch.json")
    # The same writer as a plugin that takes summaries (an ABI 1.1 feature).
    summary = os.path.join(root, "out", "batch-summary.json")

    def listed(path=batch):
        with open(path) as f:
            return [os.path.basename(d["input"]) for d in json.load(f)]

    def check_summaries(when):
        with open(summary) as f:
            rows = json.load(f)
        check([os.path.basename(d["input"]) for d in rows] == sorted(names),
              "%s: summaries list %s" % (when, rows))
        check(all(d["via"] == "summary" for d in rows), "%s: not all from summaries: %s" % (when, rows))
        # Made in the workers, not in the parent process.
        check(all(d["pid"] != P_LAST_PID[0] for d in rows), "%s: a summary made in the parent" % when)
        with open(batch) as f:
            check(all(d["via"] == "add" for d in json.load(f)), "%s: a writer that does not summarize got summaries" % when)

    docpipe(root, check_rc=0)
    check(listed() == sorted(names), "first run: %s" % listed())
    check_summaries("first run")
    # One changed document: the batch output still covers the whole collection,
    # the unchanged documents coming from the ledger's cache, in input order.
    with open(os.path.join(root, "in", names[2]), "a", encoding="utf-8") as f:
        f.write("\n补充一段。\n")
    docpipe(root, check_rc=0)
    check(report(root)["counts"] == {"ok": 1, "skipped": len(names) - 1}, "counts")
    check(listed() == sorted(names), "incremental run: %s" % listed())
    check_summaries("incremental run")
    # Nothing changed: the batch output is not rewritten...
    mtime = os.stat(batch).st_mtime_ns
    docpipe(root, check_rc=0)
    check(os.stat(batch).st_mtime_ns == mtime, "a no-change run rewrote the batch output")
    # ...unless it was deleted.
    os.remove(batch)
    docpipe(root, check_rc=0)
    check(listed() == sorted(names), "rebuilt batch output: %s" % listed())
    check_summaries("rebuilt batch output")


def test_data_files(root):
    """Editing a data file a stage reads reprocesses, without a version bump."""
    names = copy_samples(root)
    plugins = os.path.join(root, "plugins")
    os.makedirs(os.path.join(plugins, "test.misbehave"))
    # A plugin travels with its manifest, which docpipe reads before loading it.
    for f in ("docpipe_test_misbehave.so", "docpipe_test_misbehave.plugin.json"):
        shutil.copy(os.path.join(ARGS.plugins, f), plugins)
    data = os.path.join(plugins, "test.misbehave", "words.txt")
    with open(data, "w", encoding="utf-8") as f:
        f.write("团委\n")
    write_pipeline(root)
    path = os.path.join(root, "pipeline.yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read().replace(json.dumps(ARGS.plugins), json.dumps(plugins))
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    docpipe(root, check_rc=0)
    docpipe(root, check_rc=0)
    check(report(root)["counts"] == {"skipped": len(names)}, "unchanged: %s" % report(root)["counts"])
    with open(data, "a", encoding="utf-8") as f:
        f.write("团县委\n")
    docpipe(root, check_rc=0)
    rep = report(root)
    check(rep["reasons"] == {"pipeline changed": len(names)}, "after a data edit: %s" % rep["reasons"])


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("test")
    ap.add_argument("--docpipe", required=True)
    ap.add_argument("--plugins", required=True)
    ap.add_argument("--samples", required=True)
    ARGS = ap.parse_args()
    for k in ("docpipe", "plugins", "samples"):
        setattr(ARGS, k, os.path.abspath(getattr(ARGS, k)))
    fn = globals().get("test_" + ARGS.test)
    if not fn:
        fail("unknown test " + ARGS.test)
    with tempfile.TemporaryDirectory(prefix="docpipe-nightly-") as root:
        fn(root)
    print("ok: " + ARGS.test)


if __name__ == "__main__":
    main()
