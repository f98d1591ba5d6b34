#!/usr/bin/env python3
"""Where the WALL time of one job goes (see timeline.sh).

Runs the command given after `--` (our launcher, which execs java when its class-data-sharing archive exists), samples
/proc/PID/task/*/stat every 0.1 s and sums each thread's CPU into a group by thread name (driver = "main", tasks =
Spark's "Executor task launch worker" threads, JIT = compiler threads, GC/VM = GC workers and the VM thread, other).
Then reads Spark's event log (spark.eventLog.dir = argv[2]) for the moments the CPU is split by: the SparkContext's
start and its block manager being up, the first job's submission, the first task's launch, the last task's end, the
last job's end, the output file's mtime (the end of the driver's assembly of the file) and the process's exit.
Prints the milestones, CPU-s per group and cores busy in each phase between them, and how busy the task slots were.
  timeline.py OUTFILE EVENTLOGDIR -- COMMAND...
"""
import collections
import glob
import json
import os
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def group(comm):
    if comm.startswith(("C1 Compiler", "C2 Compiler")):
        return "JIT"
    if comm.startswith(("GC Thread", "VM Thread", "ParGC", "VM Periodic")):
        return "GC/VM"
    if comm.startswith("Executor task"):
        return "tasks"
    if comm in ("main", "java", "rastermill"):
        return "driver"
    return "other"


def thread_ticks(pid):
    """{tid: (group, utime+stime ticks)} of the live threads, and the process's total ticks."""
    out = {}
    for path in glob.glob(f"/proc/{pid}/task/*/stat"):
        try:
            with open(path) as f:
                s = f.read()
        except OSError:
            continue
        comm = s[s.index("(") + 1:s.rindex(")")]
        fields = s[s.rindex(")") + 2:].split()
        out[int(path.split("/")[4])] = (group(comm), int(fields[11]) + int(fields[12]))
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
        fields = s[s.rindex(")") + 2:].split()
        total = int(fields[11]) + int(fields[12])
    except OSError:
        total = None
    return out, total


def main():
    outfile, logdir = sys.argv[1], sys.argv[2]
    cmd = sys.argv[sys.argv.index("--") + 1:]
    t0 = time.time()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=open(outfile + ".err", "w"))
    samples = []  # (t, {group: cumulative ticks}, total ticks)
    last = {}
    while proc.poll() is None:
        threads, total = thread_ticks(proc.pid)
        now = time.time() - t0
        for tid, (g, ticks) in threads.items():
            last[tid] = (g, ticks)
        per = collections.Counter()
        for g, ticks in last.values():
            per[g] += ticks
        if total is not None:
            samples.append((now, per, total))
        time.sleep(0.1)
    t_exit = time.time() - t0
    if proc.returncode != 0:
        sys.exit(f"timeline: the command failed ({proc.returncode}); see {outfile}.err")

    events = []
    for path in glob.glob(os.path.join(logdir, "*")):
        with open(path) as f:
            events += [json.loads(line) for line in f if line.strip()]
    ms = lambda v: v / 1000.0 - t0
    marks = {}
    launches, finishes, stages = [], [], []
    for e in events:
        kind = e["Event"]
        if kind == "SparkListenerApplicationStart":
            marks["SparkContext constructed (app start)"] = ms(e["Timestamp"])
        elif kind == "SparkListenerBlockManagerAdded":
            marks.setdefault("block manager up", ms(e["Timestamp"]))
        elif kind == "SparkListenerJobStart":
            marks.setdefault("first job submitted", ms(e["Submission Time"]))
        elif kind == "SparkListenerJobEnd":
            marks["last job ended"] = ms(e["Completion Time"])
        elif kind == "SparkListenerStageCompleted":
            st = e["Stage Info"]
            stages.append((ms(st["Submission Time"]), ms(st["Completion Time"]), st["Stage ID"], st["Number of Tasks"],
                           st["Stage Name"]))
        elif kind == "SparkListenerTaskEnd":
            info = e["Task Info"]
            launches.append(ms(info["Launch Time"]))
            finishes.append(ms(info["Finish Time"]))
    if launches:
        marks["first task launched"] = min(launches)
        marks["last task finished"] = max(finishes)
    marks["output file's last write (mtime)"] = os.stat(outfile).st_mtime - t0
    marks["process exited"] = t_exit
    order = sorted(marks.items(), key=lambda kv: kv[1])
    print("milestones (s after the launcher started):")
    for name, t in order:
        print(f"  {t:7.2f}  {name}")

    def at(t):
        """Cumulative ticks per group at time t (the last sample at or before it)."""
        best = (collections.Counter(), 0)
        for s_t, per, total in samples:
            if s_t <= t:
                best = (per, total)
        return best

    groups = ["driver", "tasks", "JIT", "GC/VM", "other"]
    print("\nphase                                   wall s   CPU-s  cores  " + "  ".join(f"{g:>6}" for g in groups))
    bounds = [("launcher started", 0.0)] + order
    for (a_name, a), (b_name, b) in zip(bounds, bounds[1:]):
        pa, ta = at(a)
        pb, tb = at(b) if b_name != "process exited" else (samples[-1][1], samples[-1][2])
        wall = b - a
        cpu = (tb - ta) / TICK
        cols = "  ".join(f"{(pb[g] - pa[g]) / TICK:6.2f}" for g in groups)
        label = f"-> {b_name}"[:38]
        print(f"{label:<38} {wall:7.2f} {cpu:7.2f} {cpu / wall if wall > 0 else 0:6.2f}  {cols}")
    per, total = samples[-1][1], samples[-1][2]
    print(f"{'whole run (sampled)':<38} {t_exit:7.2f} {total / TICK:7.2f} {total / TICK / t_exit:6.2f}  "
          + "  ".join(f"{per[g] / TICK:6.2f}" for g in groups))
    if launches:
        span = max(finishes) - min(launches)
        busy = sum(f - s for s, f in zip(launches, finishes))
        print(f"\ntasks: {len(launches)}, first launch to last end {span:.2f} s; task-seconds {busy:.2f}"
              f" ({busy / span:.2f} tasks running on average)")
        ends = sorted(finishes)
        if len(ends) > 1:
            print(f"  the last task ran alone for {ends[-1] - ends[-2]:.2f} s")
    for a, b, sid, n, name in sorted(stages):
        print(f"  stage {sid} ({n} tasks, {name.split(' at ')[0]}): {a:.2f} -> {b:.2f} s")
    print("\ncores busy per 0.5 s (all threads):")
    line, k = [], 0
    for t in [x * 0.5 for x in range(1, int(t_exit / 0.5) + 1)]:
        _, ta = at(t - 0.5)
        _, tb = at(t)
        line.append(f"{(tb - ta) / TICK / 0.5:.1f}")
    for i in range(0, len(line), 20):
        print(f"  {i * 0.5:5.1f} s: " + " ".join(line[i:i + 20]))


if __name__ == "__main__":
    main()
