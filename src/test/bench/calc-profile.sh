#!/usr/bin/env bash
# Where the CPU of one NDVI calc goes: runs the ndvi case of defaults-bench.sh once under `perf record` (all threads,
# native and JIT code; the JVM writes /tmp/perf-PID.map for the JIT frames) and prints CPU seconds per phase:
# libdeflate (inflating the inputs and deflating the output), JIT compiler threads, GC threads, kernel (sys), libc
# memset/memcpy, JVM start-up, decode/evaluate/encode Java code, the rest. Categories come from the sampled symbol and
# thread name; CPU seconds are the shares of user+sys from /usr/bin/time. Needs perf (Debian: linux-perf) and
# kernel.perf_event_paranoid <= 2.
#   src/test/bench/calc-profile.sh [SIZE]      (DATA=/tmp/bench/data, HOME_=checkout to profile, default this one)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
SIZE=${1:-16384}
DATA=${DATA:-/tmp/bench/data}
HOME_=${HOME_:-$(pwd)}
RED=$DATA/red_$SIZE.tif NIR=$DATA/nir_$SIZE.tif
[ -f "$RED" ] && [ -f "$NIR" ] || bash /work/shared/bench/make_dem.sh "$SIZE" "$DATA"
command -v perf >/dev/null || { echo "calc-profile: perf is needed (apt-get install linux-perf)" >&2; exit 1; }
"$HOME_/jobs/rastermill" --version >/dev/null
. src/test/bench/cds-warm.sh
cds_warm "$HOME_" ndvi "" "$RED" "$NIR" # the class-data-sharing archive from a small NDVI, untimed
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
load=$(cut -d' ' -f1 /proc/loadavg)
RASTERMILL_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit" perf record -q -F 249 -o "$OUT/perf.data" -- \
  /usr/bin/time -f "%U %S %e %M" -o "$OUT/time" "$HOME_/jobs/rastermill" --conf spark.master='local[2]' calc \
  --expr '(B - A) / (B + A)' -A "$RED" -B "$NIR" "$OUT/ndvi.tif" --type Float32 --quiet --overviews none --no-cog \
  >/dev/null 2>"$OUT/err" || { cat "$OUT/err" >&2; exit 1; }
read -r user sys wall rss < "$OUT/time"
printf 'NDVI %s²: %.2f CPU-s (user %s, sys %s), wall %s s, max RSS %d MiB, load before %s\n' "$SIZE" \
  "$(echo "$user + $sys" | bc)" "$user" "$sys" "$wall" $((rss / 1024)) "$load"
perf script -i "$OUT/perf.data" -F comm,ip,sym,dso 2>/dev/null | /usr/bin/python3 -c '
import collections, re, sys
cpu = float(sys.argv[1])
phases = [
    ("decode: predictor, copy to tile, reader", ("Predictor.undo", "SegmentCopier", "GeoTiffReader", "SegmentDecoder",
                                                 "RangeReader", "GeoTiffMosaic")),
    ("encode: interleave, predictor, float conversion", ("BlockCodec", "Predictor", "encodeDoubles", "fromDoubleLane",
                                                         "GeoTiffBlockEncoder")),
    ("evaluate: widening, kernels", ("readInts", "readDoubles", "Arithmetic", "core.calc", "core.local", "Conversion")),
    ("JVM start-up: interpreter, class loading", ("Interpreter", "SymbolTable", "ClassLoader", "FileMapInfo", "ZipFile",
                                                  "InstanceKlass", "Dictionary", "ClassFileParser", "Verifier")),
]
count = collections.Counter()
for line in sys.stdin:
    m = re.match(r"^\s*(.*?)\s+([0-9a-f]+)\s+(.*)\s+\((.*)\)\s*$", line)
    if not m:
        continue
    comm, _, sym, dso = m.groups()
    comm = comm.strip()
    if comm.startswith(("C1 Compiler", "C2 Compiler")):
        k = "JIT compiler threads"
    elif comm.startswith(("GC Thread", "G1 ")) or comm == "VM Thread":
        k = "GC threads"
    elif "deflate" in dso:
        k = "libdeflate: inflate inputs, deflate output"
    elif "kernel" in dso:
        k = "kernel (sys): page faults, file reads and writes"
    elif "libc" in dso:
        k = "libc memset/memcpy: fresh arrays, copies"
    else:
        k = next((name for name, keys in phases if any(x in sym for x in keys)), None)
        if k is None:
            k = "other JVM, Spark and JIT code" if comm == "java" or comm.startswith("Executor") else "other threads"
    count[k] += 1
n = sum(count.values())
for k, v in count.most_common():
    print(f"{cpu * v / n:7.2f} CPU-s {100 * v / n:5.1f} %  {k}")
' "$(echo "$user + $sys" | bc)"
