#!/usr/bin/env python3
"""A real Slurm job array: starts a single-node cluster (slurm_cluster.py),
submits examples/slurm/nightly.sbatch over a corpus in 4 tasks with the
commands docs/scaling.md shows, cancels one task midway and requeues it,
waits, runs `docpipe merge`, and checks that every document was processed
exactly once and that the merged summary equals a single-machine run's.
Fails with the reason when the daemons cannot start.

usage: test_slurm.py --docpipe BIN --plugins DIR --work DIR
"""
import argparse
import fcntl
import os
import shutil
import sqlite3
import subprocess
import sys
import time

from scale_common import REPO, check, compare_summaries, fail, load_report, make_corpus, \
    write_pipeline
from slurm_cluster import ClusterError, SlurmCluster

TASKS = 4
CANCELLED = 2  # the task cancelled midway and requeued
SBATCH = os.path.join(REPO, "examples", "slurm", "nightly.sbatch")


def ledger_count(path, sql):
    if not os.path.exists(path):
        return 0
    try:
        db = sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=5)
        try:
            return db.execute(sql).fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0  # being created


ENDED = ("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY", "NODE_FAIL", "BOOT_FAIL")


def task_logs(logs):
    text = ""
    for name in sorted(os.listdir(logs)):
        with open(os.path.join(logs, name), errors="replace") as f:
            text += "--- %s\n%s" % (name, f.read()[-3000:])
    return text


def wait_for(what, ready, seconds, cluster, logs, gave_up=lambda: False):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        if gave_up():
            fail("gave up waiting until %s\n%s" % (what, task_logs(logs)))
        time.sleep(0.05)
    fail("timed out after %d s waiting until %s\n%s%s" % (seconds, what, task_logs(logs),
                                                          cluster._logs()))


def lock_free(path):
    """Whether no process holds the run lock docpipe takes on a ledger."""
    with open(path, "a") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(f, fcntl.LOCK_UN)
        return True


def run_array(cluster, root, pipeline, inputs):
    out, state, logs = (os.path.join(root, d) for d in ("out", "state", "logs"))
    os.makedirs(logs)
    env = "ALL,DOCPIPE=%s,PIPELINE=%s,COLLECTED=%s,OUT=%s,STATE=%s" % (
        ARGS.docpipe, pipeline, inputs, out, state)
    # docs/scaling.md: the array with this machine's paths and 4 tasks of one CPU.
    job = cluster.run("sbatch", "--parsable", "--array=0-%d" % (TASKS - 1), "--cpus-per-task=1",
                      "--mem=500M", "--output=%s/docpipe-%%A_%%a.log" % logs, "--export=" + env,
                      SBATCH).stdout.strip()
    task = "%s_%d" % (job, CANCELLED)
    ledger = os.path.join(state, "shard-%d.sqlite" % CANCELLED)
    # Midway: some of its documents recorded, its run not finished.
    wait_for("task %s has recorded two documents" % task,
             lambda: ledger_count(ledger, "select count(*) from documents") >= 2, 120, cluster,
             logs, lambda: cluster.job_states(job).get(str(CANCELLED)) in ENDED)
    cluster.run("scancel", task)
    wait_for("task %s is cancelled" % task,
             lambda: cluster.job_states(job).get(str(CANCELLED)) == "CANCELLED", 60, cluster, logs)
    # Slurm reports CANCELLED before the killed run's processes are gone; the
    # requeued run would find the shard's ledger still locked and refuse to start.
    wait_for("the cancelled run has released %s.lock" % ledger, lambda: lock_free(ledger + ".lock"),
             60, cluster, logs)
    done_before = ledger_count(ledger, "select count(*) from documents")
    # A requeued task waits two minutes before it is eligible; start it soon.
    # Not at once: slurmd refuses a launch whose credential is dated in the
    # same second as the cancelled run's revoked one ("Job credential
    # revoked"; it compares whole seconds), and the task would end FAILED.
    cluster.run("scontrol", "requeue", task)
    cluster.run("scontrol", "update", "JobId=" + task, "StartTime=now+3")

    def finished():
        states = cluster.job_states(job)
        return len(states) == TASKS and all(s in ENDED for s in states.values())
    wait_for("every task of job %s has ended" % job, finished, 240, cluster, logs)
    states = cluster.job_states(job)
    if any(s != "COMPLETED" for s in states.values()):
        fail("array tasks did not all complete: %s\n%s" % (states, task_logs(logs)))
    return out, state, done_before


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--docpipe", required=True)
    ap.add_argument("--plugins", required=True)
    ap.add_argument("--work", required=True)
    ARGS = ap.parse_args()
    ARGS.docpipe, ARGS.plugins = os.path.abspath(ARGS.docpipe), os.path.abspath(ARGS.plugins)
    # docs/scaling.md shows the script this test submits, verbatim.
    with open(SBATCH) as f, open(os.path.join(REPO, "docs", "scaling.md")) as d:
        check("```bash\n" + f.read() + "```" in d.read(),
              "docs/scaling.md does not show examples/slurm/nightly.sbatch as it is")
    root = os.path.abspath(os.path.join(ARGS.work, "slurm"))
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    inputs = make_corpus(root, per_folder=16)
    # 100 ms per document: a task runs for seconds, so it can be cancelled midway.
    pipeline = write_pipeline(root, name="slurm-test", sleep_ms=100, plugins=ARGS.plugins)
    total = sum(len(files) for _, _, files in os.walk(inputs))

    try:
        with SlurmCluster(os.path.join(root, "cluster")) as cluster:
            out, state, done_before = run_array(cluster, root, pipeline, inputs)
    except ClusterError as e:
        fail("the Slurm cluster: %s" % e)

    # The cancelled task was interrupted midway and resumed by its requeue.
    ledger = os.path.join(state, "shard-%d.sqlite" % CANCELLED)
    db = sqlite3.connect(ledger)
    runs = [r[0] for r in db.execute("select status from runs order by id")]
    shard_docs = db.execute("select count(*) from documents").fetchone()[0]
    db.close()
    check(runs == ["interrupted", "finished"],
          "runs of the cancelled task: %s (expected interrupted, finished)" % runs)
    check(0 < done_before < shard_docs,
          "cancelled after %d of %d documents: not midway" % (done_before, shard_docs))

    # Every document processed exactly once: one attempt in one ledger.
    attempts = {}
    for k in range(TASKS):
        db = sqlite3.connect(os.path.join(state, "shard-%d.sqlite" % k))
        for (key,) in db.execute("select input from attempts"):
            attempts[key] = attempts.get(key, 0) + 1
        db.close()
    twice = [k for k, n in attempts.items() if n != 1]
    check(not twice, "processed more than once: %s" % twice)
    check(len(attempts) == total, "%d documents processed, the collection has %d" %
          (len(attempts), total))

    # docs/scaling.md: the merge after the array.
    dirs = [os.path.join(out, "shard-%d" % k) for k in range(TASKS)]
    p = subprocess.run([ARGS.docpipe, "merge"] + dirs + ["--out", os.path.join(out, "merged")],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    check(p.returncode in (0, 1), "docpipe merge exited %d: %s" % (p.returncode, p.stderr))
    single = os.path.join(root, "single")
    p = subprocess.run([ARGS.docpipe, "run", pipeline, "--input", inputs, "--out", single,
                        "--jobs", "2", "--log-level", "warn"], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    check(p.returncode in (0, 1), "the single run exited %d: %s" % (p.returncode, p.stderr))
    compare_summaries(os.path.join(single, "summary.xlsx"),
                      os.path.join(out, "merged", "summary.xlsx"), this_run=False)
    merged = load_report(os.path.join(out, "merged"))
    counts = merged["counts"]
    check(sum(counts.values()) == total and counts.get("skipped", 0) == done_before,
          "merged counts %s: expected %d documents, %d skipped by the requeued task" %
          (counts, total, done_before))
    check(len(merged["documents"]) == total, "the merged report lists %d of %d documents" %
          (len(merged["documents"]), total))
    check([d["input"] for d in merged["documents"]] ==
          [d["input"] for d in load_report(single)["documents"]],
          "the merged report's documents are not in the single run's order")
    print("ok: %d documents in %d tasks, task %d cancelled after %d and requeued" %
          (total, TASKS, CANCELLED, done_before))


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except BaseException as e:  # the reason, not a silent pass
        fail("%s: %s" % (type(e).__name__, e))
        sys.exit(1)
