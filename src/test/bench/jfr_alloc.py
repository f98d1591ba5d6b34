#!/usr/bin/env python3
"""Top allocation sites from `jfr print --events jdk.ObjectAllocationSample` text (see alloc-profile.sh).

Each sample's weight is JFR's estimate of the bytes allocated since the thread's previous sample, so the sums
approximate the bytes each site allocated. A site is the innermost frame of ours (io.rastermill.) with the array
or object class; samples without a frame of ours are grouped by their innermost frame.
argv[1]: how many sites to print (default 15).
"""
import collections
import re
import sys

from jfr_phases import events

UNITS = {"bytes": 1, "byte": 1, "kB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30}


def weight(text):
    m = re.match(r"([\d.,]+)\s*(\w+)", text or "")
    return float(m.group(1).replace(",", "")) * UNITS.get(m.group(2), 1) if m else 0.0


def main():
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    sites = collections.Counter()
    total = 0.0
    for kind, f, frames in events(sys.stdin):
        if kind != "jdk.ObjectAllocationSample":
            continue
        w = weight(f.get("weight"))
        total += w
        ours = next((fr for fr in frames if "io.rastermill." in fr), frames[0] if frames else "?")
        site = re.sub(r"\s+line: \d+.*$", "", ours)
        line = re.search(r"line: (\d+)", ours)
        sites[(f.get("objectClass", "?").split(" ")[0], site + (":" + line.group(1) if line else ""))] += w
    print(f"  {total / (1 << 30):7.2f} GiB sampled in all")
    for (cls, site), w in sites.most_common(top):
        print(f"  {w / (1 << 30):7.2f} GiB {100 * w / total:5.1f} %  {cls:10s} {site}")


if __name__ == "__main__":
    main()
