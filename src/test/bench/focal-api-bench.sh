#!/usr/bin/env bash
# Focal kernels before/after the neighbourhood API (issue 17): FocalBenchmark (single thread, CPU Mpix/s)
# run alternately with the focal classes of a base revision (default: main) and of this checkout.
# Usage: src/test/bench/focal-api-bench.sh [BASE_REV] [DEM] [SIZE] [PASSES] [ROUNDS]
# Needs `mvn -o -q -B -DskipTests test-compile` done in this checkout, and a DEM (make_dem.sh).
set -euo pipefail
cd "$(dirname "$0")/../../.."
base=${1:-main}
dem=${2:-/tmp/bench/data/dem_8192.tif}
size=${3:-2048}
passes=${4:-8}
rounds=${5:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src" "$work/classes"
for f in $(git ls-tree --name-only "$base" src/main/java/io/rastermill/core/focal/); do
    git show "$base:$f" > "$work/src/$(basename "$f")"
done
javac -nowarn -d "$work/classes" -cp target/classes "$work"/src/*.java
mvn -o -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
deps=$(cat "$work/cp.txt")
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); base $base ($(git rev-parse --short "$base")), head $(git rev-parse --short HEAD)"
for r in $(seq "$rounds"); do
    for side in base head; do
        if [ "$side" = base ]; then cp="$work/classes:target/classes:target/test-classes:$deps"; else cp="target/classes:target/test-classes:$deps"; fi
        java -cp "$cp" io.rastermill.core.focal.FocalBenchmark "$dem" "$size" "$passes" | sed -n 's/^\(.*\) best of [0-9]*: *\([0-9.]*\) Mpix\/s wall, *\([0-9.]*\) Mpix\/s CPU$/'"$side $r"'\t\1\t\3/p'
    done
done | python3 -c '
import sys, statistics, collections
cpu = collections.defaultdict(list)
for line in sys.stdin:
    side, op, v = line.rstrip("\n").split("\t")
    cpu[(op.strip(), side.split()[0])].append(float(v))
ops = sorted({op for op, _ in cpu}, key=lambda o: list(cpu).index((o, "base")))
print("%-32s %16s %16s %10s   (medians)" % ("op", "base Mpix/s CPU", "head Mpix/s CPU", "head/base"))
for op in ops:
    b = statistics.median(cpu[(op, "base")]); h = statistics.median(cpu[(op, "head")])
    print(f"{op:32} {b:16.1f} {h:16.1f} {h / b:10.3f}")
'
