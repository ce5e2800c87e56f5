"""A single-node Slurm cluster for one test: munged with its own key and
socket, slurmctld and slurmd with a generated slurm.conf on localhost, free
ports and every state, spool, pid and log file under one directory. Started
directly (no systemd); stopped at the end of the `with` block whatever
happened, and with the test process if it is killed (PR_SET_PDEATHSIG).

    with SlurmCluster(dir) as cluster:
        cluster.run("sbatch", ...)
"""
import ctypes
import os
import signal
import socket
import subprocess
import time

PR_SET_PDEATHSIG = 1


class ClusterError(Exception):
    pass


def _die_with_parent():
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _free_ports(n):
    socks, ports = [], []
    for _ in range(n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        socks.append(s)
        ports.append(s.getsockname()[1])
    for s in socks:
        s.close()
    return ports


def _tail(path, lines=20):
    try:
        with open(path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return "(no %s)\n" % path


class SlurmCluster:
    def __init__(self, root, cpus=8, memory_mb=16000):
        self.root = os.path.abspath(root)
        self.cpus = cpus
        self.memory_mb = memory_mb
        self.node = subprocess.run(["hostname", "-s"], stdout=subprocess.PIPE, text=True,
                                   check=True).stdout.strip()
        self.conf = os.path.join(self.root, "slurm.conf")
        self.daemons = []  # (name, Popen, log file)
        self.env = dict(os.environ, SLURM_CONF=self.conf)

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    # --- start -----------------------------------------------------------
    def __enter__(self):
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def _start(self):
        for d in ("munge", "ctld", "spool", "log"):
            os.makedirs(self.path(d), exist_ok=True)
        os.chmod(self.path("munge"), 0o700)
        key = self.path("munge", "munge.key")
        with open(key, "wb") as f:
            f.write(os.urandom(1024))
        os.chmod(key, 0o400)
        self.munge_socket = self.path("munge", "munge.socket")
        self._spawn("munged", ["munged", "--foreground", "--force", "--key-file=" + key,
                               "--socket=" + self.munge_socket,
                               "--pid-file=" + self.path("munge", "munged.pid"),
                               "--log-file=" + self.path("log", "munged.log"),
                               "--seed-file=" + self.path("munge", "munged.seed")])
        self._wait("munged answers", lambda: subprocess.run(
            ["munge", "--socket", self.munge_socket, "--no-input"], stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL).returncode == 0, 10)
        ctld_port, slurmd_port = _free_ports(2)
        self._write_conf(ctld_port, slurmd_port)
        self._spawn("slurmctld", ["slurmctld", "-D", "-f", self.conf])
        self._wait("slurmctld answers", lambda: self.run(
            "scontrol", "ping", check=False).stdout.find("UP") >= 0, 20)
        self._spawn("slurmd", ["slurmd", "-D", "-f", self.conf, "-N", self.node])
        self._wait("node %s is idle" % self.node, lambda: self.run(
            "sinfo", "-h", "-N", "-o", "%T", check=False).stdout.strip() == "idle", 30)

    def _write_conf(self, ctld_port, slurmd_port):
        p = self.path
        lines = [
            "ClusterName=docpipetest",
            "SlurmctldHost=%s(127.0.0.1)" % self.node,
            "SlurmctldPort=%d" % ctld_port,
            "SlurmdPort=%d" % slurmd_port,
            "AuthType=auth/munge",
            "CredType=cred/munge",
            "AuthInfo=socket=%s" % self.munge_socket,
            "SlurmUser=root",
            "SlurmdUser=root",
            "StateSaveLocation=%s" % p("ctld"),
            "SlurmdSpoolDir=%s" % p("spool"),
            "SlurmctldPidFile=%s" % p("slurmctld.pid"),
            "SlurmdPidFile=%s" % p("slurmd.pid"),
            "SlurmctldLogFile=%s" % p("log", "slurmctld.log"),
            "SlurmdLogFile=%s" % p("log", "slurmd.log"),
            # No cgroups in a container without systemd: processes are
            # tracked by their parentage, tasks are not bound.
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            "JobCompType=jobcomp/none",
            "SchedulerType=sched/builtin",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_Core",
            "MpiDefault=none",
            "ReturnToService=2",
            "JobRequeue=1",
            "MinJobAge=600",
            # The node declares more CPUs and memory than this machine has,
            # so all array tasks run at once on a small test machine.
            "SlurmdParameters=config_overrides",
            "NodeName=%s NodeAddr=127.0.0.1 CPUs=%d RealMemory=%d State=UNKNOWN" %
            (self.node, self.cpus, self.memory_mb),
            "PartitionName=test Nodes=%s Default=YES MaxTime=INFINITE State=UP" % self.node,
        ]
        with open(self.conf, "w") as f:
            f.write("\n".join(lines) + "\n")

    def _spawn(self, name, argv):
        log = self.path("log", name + ".out")
        with open(log, "w") as out:
            try:
                proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, env=self.env,
                                        preexec_fn=_die_with_parent)
            except OSError as e:
                raise ClusterError("cannot start %s: %s (is Debian's slurm-wlm and munge "
                                   "installed? scripts/setup-deps.sh)" % (name, e))
        self.daemons.append((name, proc, log))

    def _wait(self, what, ready, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for name, proc, log in self.daemons:
                if proc.poll() is not None:
                    raise ClusterError("%s exited with %d while waiting until %s:\n%s%s" % (
                        name, proc.returncode, what, _tail(log), self._logs()))
            if ready():
                return
            time.sleep(0.2)
        raise ClusterError("timed out after %d s waiting until %s\n%s" % (seconds, what, self._logs()))

    def _logs(self):
        out = ""
        for name in ("slurmctld.log", "slurmd.log", "munged.log"):
            out += "--- %s\n%s" % (name, _tail(self.path("log", name)))
        return out

    # --- use -------------------------------------------------------------
    def run(self, *argv, check=True):
        p = subprocess.run(list(argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env=self.env)
        if check and p.returncode != 0:
            raise ClusterError("%s exited %d: %s%s" % (" ".join(argv), p.returncode, p.stderr,
                                                       p.stdout))
        return p

    def job_states(self, job):
        """{array task id: state} of an array job (kept by slurmctld for MinJobAge)."""
        out = self.run("squeue", "-h", "-t", "all", "-j", str(job), "-o", "%K %T").stdout
        states = {}
        for line in out.splitlines():
            task, state = line.split()
            states[task] = state
        return states

    # --- stop ------------------------------------------------------------
    def stop(self):
        if any(name == "slurmctld" and proc.poll() is None for name, proc, _ in self.daemons):
            self.run("scancel", "--full", "--user", "root", check=False)
        # Stop in reverse order of start: slurmd, slurmctld, munged.
        for name, proc, _ in reversed(self.daemons):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        self.daemons = []
