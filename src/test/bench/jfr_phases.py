#!/usr/bin/env python3
"""CPU seconds per phase from `jfr print` text (see phase-profile.sh).

argv[1]: the process's user+sys seconds; argv[2]: the machine's CPU count (JFR's thread loads are fractions of all
CPUs). Each Java thread's CPU is the sum of its jdk.ThreadCPULoad events (one a second). Compiler threads are JIT; a
thread with execution samples has its CPU split by them: a sample before the first Spark task ran is start-up, a
later one goes to the phase of the innermost frame naming one (codec frames serve decode and encode alike, so they
decide nothing and frames further out do); threads without samples go by name. What no Java thread accounts for
(GC workers, the VM thread) is "GC, VM threads".
"""
import collections
import re
import sys

# (phase, substrings of a frame); per frame the first matching phase wins, frames are tried innermost first
PHASES = [
    ("decode", ("GeoTiffReader", "SegmentDecoder", "SegmentCopier", "Predictor.undo", "decompress", "inflate",
                "io.rastermill.io.bytes", "GeoTiffMosaic")),
    ("encode", ("GeoTiffBlockEncoder", "BlockCodec", "Predictor.apply", "NativeDeflate.compress", "Deflater",
                "encodeDoubles")),
    ("write", ("PartWriter", "GeoTiffAssembler", "PartReader", "LevelTask", "FileChannelImpl.write",
               "FileOutputStream.write", "RawLocalFileSystem", "SpillFile")),
    ("transform", ("PixelTransform", "org.locationtech.proj4j", "CrsTransform")),
    ("lane conversion", ("toDoubleLane", "fromDoubleLane", "WarpedValues")),
    ("kernel", ("io.rastermill.core.",)),
    ("Spark scheduling, serialisation", ("org.apache.spark", "com.esotericsoftware", "io.netty", "org.apache.hadoop",
                                         "scala.")),
]



def clock(text):
    m = re.search(r"(\d+):(\d+):(\d+\.\d+)", text)
    return int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3)) if m else None


def events(lines):
    """Yields (type, fields, frames) per event of `jfr print`'s text form."""
    kind, fields, frames, in_stack = None, {}, [], False
    for line in lines:
        s = line.strip()
        if kind is None:
            m = re.match(r"^(jdk\.\w+) \{$", s)
            if m:
                kind, fields, frames, in_stack = m.group(1), {}, [], False
            continue
        if in_stack:
            if s == "]":
                in_stack = False
            elif s and s != "...":
                frames.append(s)
        elif s == "}" and not line.startswith("    "):
            yield kind, fields, frames
            kind = None
        elif s.startswith("stackTrace = ["):
            in_stack = True
        elif " = " in s and line.startswith("  ") and not line.startswith("    "):
            k, v = s.split(" = ", 1)
            fields[k] = v


def by_name(thread):
    if "CompilerThread" in thread:
        return "JIT compilation"
    if "JFR" in thread:
        return "JFR's own threads"
    return "Spark scheduling, serialisation"


def main():
    cpu, ncpu = float(sys.argv[1]), int(sys.argv[2])
    thread_cpu = collections.Counter()
    samples = collections.defaultdict(list)  # thread -> [(time, frames)]
    for kind, f, frames in events(sys.stdin):
        if kind == "jdk.ThreadCPULoad":
            load = sum(float(f.get(k, "0%").rstrip("%")) for k in ("user", "system")) / 100
            thread_cpu[f.get("eventThread", "?")] += load * ncpu  # one-second periods
        elif kind in ("jdk.ExecutionSample", "jdk.NativeMethodSample"):
            samples[f.get("sampledThread", "")].append((clock(f.get("startTime", "")), frames))
    task_times = [t for thread, ss in samples.items() if "Executor task launch worker" in thread
                  for t, _ in ss if t is not None]
    first_task = min(task_times) if task_times else float("inf")
    phases = collections.Counter()
    for thread, seconds_ in thread_cpu.items():
        ss = samples.get(thread)
        if not ss or "CompilerThread" in thread:
            phases[by_name(thread)] += seconds_
            continue
        count = collections.Counter()
        for t, frames in ss:
            if t is not None and t < first_task:
                count["JVM start-up, Spark start (before the first task)"] += 1
                continue
            phase = "other (JDK, JVM)"
            for frame in frames:
                hit = next((name for name, keys in PHASES if any(k in frame for k in keys)), None)
                if hit:
                    phase = hit
                    break
            count[phase] += 1
        for k, v in count.items():
            phases[k] += seconds_ * v / len(ss)
    java = sum(thread_cpu.values())
    phases["GC, VM threads (CPU no Java thread accounts for)"] += max(cpu - java, 0.0)
    for name, s in phases.most_common():
        print(f"  {s:7.2f} CPU-s {100 * s / cpu:5.1f} %  {name}")
    print(f"  (Java threads {java:.2f} CPU-s from JFR's thread loads, "
          f"{sum(len(v) for v in samples.values())} execution samples)")


if __name__ == "__main__":
    main()
