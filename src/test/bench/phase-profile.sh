#!/usr/bin/env bash
# CPU seconds per phase of one job, from a JDK Flight Recording: JVM start-up (until the first Spark task), JIT
# compilation, GC and other JVM-internal threads, Spark scheduling and serialisation, decode, kernel, encode, write.
# The total is user+sys of /usr/bin/time. Each Java thread's CPU comes from JFR's per-thread CPU load (every second):
# compiler threads are JIT; the task threads' and the driver's CPU is split by their execution samples (Java and
# native), each sample put in the phase of the innermost frame that names one; the CPU no Java thread accounts for
# (GC workers, the VM thread) is "GC, VM threads". Cases: slope (the defaults: COG and overviews),
# slope_none (--overviews none --no-cog), ndvi (calc (B - A) / (B + A) to Float32, --overviews none --no-cog) and warp
# (the DEM to EPSG:4326, bilinear, as warp-bench.sh runs it), on local[2].
#   src/test/bench/phase-profile.sh [SIZE] [CASES]     (default 8192 "slope ndvi"; DATA=/tmp/bench/data)
# JFR turns the launcher's class-data-sharing archive off (JDK 17 crashes with both), so start-up is ~1.5 CPU-s
# more than in a normal run; JFR's own sampling adds a few percent. Needs the JDK's `jfr` tool.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
SIZE=${1:-8192}
CASES=${2:-slope ndvi}
. src/test/bench/jfr-run.sh
jfr_setup phase-profile "$SIZE"
# JFR's profile settings, with each Java thread's CPU load every second instead of every 10
sed '/"jdk.ThreadCPULoad"/,/<\/event>/s/10 s/1 s/' "$(dirname "$JFR")/../lib/jfr/profile.jfc" > "$OUT/cpu.jfc"

for case in $CASES; do
  case $case in
    slope) args=(slope "$DEM" "$OUT/out.tif" --quiet) ;;
    slope_none) args=(slope "$DEM" "$OUT/out.tif" --quiet --overviews none --no-cog) ;;
    ndvi) args=(calc --expr '(B - A) / (B + A)' -A "$RED" -B "$NIR" "$OUT/out.tif" --type Float32 --quiet
                --overviews none --no-cog) ;;
    warp) args=(warp -t_srs EPSG:4326 -r bilinear --no-cog --compress deflate --predictor 3 --block 512 "$DEM"
                "$OUT/out.tif" --quiet) ;;
    *) echo "phase-profile: unknown case $case (slope, slope_none, ndvi, warp)" >&2; exit 2 ;;
  esac
  jfr_record "$OUT/cpu.jfc" "${args[@]}"
  printf '%s %s²: %.2f CPU-s (user %s, sys %s), wall %s s, max RSS %d MiB, load before %s\n' "$case" "$SIZE" \
    "$(echo "$user + $sys" | bc)" "$user" "$sys" "$wall" $((rss / 1024)) "$load"
  "$JFR" print --events jdk.ExecutionSample,jdk.NativeMethodSample,jdk.ThreadCPULoad \
    --stack-depth 40 "$OUT/rec.jfr" > "$OUT/events.txt"
  /usr/bin/python3 src/test/bench/jfr_phases.py "$(echo "$user + $sys" | bc)" "$(nproc)" < "$OUT/events.txt"
done
