#!/usr/bin/env bash
# Hydrology end to end: Rastermill `hydrology` (fill -> flowdir -> flowacc -> basins, four COGs) on Spark local[2]
# beside GRASS r.watershed -s (flow accumulation + D8 drainage, depressions routed by its least-cost search) on the
# same DEM, alternating, PASSES times each; prints per-pass wall and CPU seconds (user+sys, /usr/bin/time -v), the
# medians and the ratios. The load average is printed with every pass: the machine may be shared.
#   src/test/bench/hydrology-bench.sh [FILE] [PASSES]
# FILE defaults to the 4096^2 DEM of ../shared/bench/make_dem.sh (bash ../shared/bench/make_dem.sh 4096 /tmp/hydro-bench).
# GRASS runs through ../shared/bench/run_grass_watershed.sh (needs grass-core); set NO_GRASS=1 to skip it.
# BASE=DIR also times another build's launcher (e.g. a checkout of main: DIR/jobs/rastermill) in the same rotation.
# BLOCKS="256 512 1024" (the default; BLOCKS= to skip) then runs `hydrology --debug --block B` once per block size
# and prints the driver graphs' sizes (nodes, summary bytes, heap after GC less cached blocks) for each, with the
# run's largest live heap after a full GC (-Xlog:gc) and its max RSS.
# HEAP=3g sets the JVM heap (-Xmx) of our runs (default: the JVM's own).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
FILE=${1:-/tmp/hydro-bench/dem_4096.tif}
PASSES=${2:-3}
GRASS_SCRIPT=${GRASS_SCRIPT:-/work/shared/bench/run_grass_watershed.sh}
[ -f "$FILE" ] || { echo "no $FILE: run bash ../shared/bench/make_dem.sh 4096 /tmp/hydro-bench" >&2; exit 1; }
jobs/rastermill --version >/dev/null   # builds once if needed, outside the timings
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { sed -n "s/.*$1: //p" "$2"; }
wall() { field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$1" | awk -F: '{s=0; for (i=1;i<=NF;i++) s=s*60+$i; print s}'; }
cpu() { echo "$(field 'User time (seconds)' "$1") + $(field 'System time (seconds)' "$1")" | bc -l; }
JOPTS=${HEAP:+-Xmx$HEAP}
ours() {  # LAUNCHER TIMEFILE OUTDIR [extra args]
  local launcher=$1 timefile=$2 out=$3
  shift 3
  RASTERMILL_JAVA_OPTS="$JOPTS" /usr/bin/time -v -o "$timefile" "$launcher" --conf spark.master='local[2]' hydrology \
    "$FILE" "$out" --quiet "$@" >"$OUT/ours.out" 2>"$OUT/ours.err" || { cat "$OUT/ours.err" >&2; exit 1; }
}
[ -z "${BASE:-}" ] || "$BASE/jobs/rastermill" --version >/dev/null
ow=(); oc=(); gw=(); gc=(); bw=(); bc=()
for i in $(seq "$PASSES"); do
  rm -rf "${OUT:?}"/*; sync
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  ours jobs/rastermill "$OUT/ours.time" "$OUT/ours"
  ow+=("$(wall "$OUT/ours.time")"); oc+=("$(cpu "$OUT/ours.time")")
  line="pass $i (load $load): rastermill ${ow[-1]} s wall, ${oc[-1]} s CPU, max RSS $(field 'Maximum resident set size (kbytes)' "$OUT/ours.time") KB"
  if [ -n "${BASE:-}" ]; then
    rm -rf "${OUT:?}/ours" "${OUT:?}/base"; sync
    ours "$BASE/jobs/rastermill" "$OUT/base.time" "$OUT/base"
    bw+=("$(wall "$OUT/base.time")"); bc+=("$(cpu "$OUT/base.time")")
    line="$line; base ${bw[-1]} s wall, ${bc[-1]} s CPU, max RSS $(field 'Maximum resident set size (kbytes)' "$OUT/base.time") KB"
  fi
  if [ -z "${NO_GRASS:-}" ]; then
    rm -rf "${OUT:?}/ours" "${OUT:?}/grass"; sync
    bash "$GRASS_SCRIPT" "$FILE" "$OUT/grass" >"$OUT/grass.log" 2>&1 || { cat "$OUT/grass.log" >&2; exit 1; }
    gw+=("$(wall "$OUT/grass/watershed.time")"); gc+=("$(cpu "$OUT/grass/watershed.time")")
    line="$line; r.watershed -s ${gw[-1]} s wall, ${gc[-1]} s CPU"
  fi
  echo "$line"
done
mo=$(median "${ow[@]}"); co=$(median "${oc[@]}")
mpix=$(gdalinfo "$FILE" | awk -F'[ ,]+' '/^Size is/ {print $3 * $4 / 1e6}')
printf 'rastermill hydrology: median %.1f s wall (%.2f Mpix/s), %.1f CPU-s\n' "$mo" "$(echo "$mpix / $mo" | bc -l)" "$co"
if [ -z "${NO_GRASS:-}" ]; then
  mg=$(median "${gw[@]}"); cg=$(median "${gc[@]}")
  printf 'r.watershed -s: median %.1f s wall, %.1f CPU-s; wall ratio (grass/rastermill) %.2f, CPU ratio %.2f\n' \
    "$mg" "$cg" "$(echo "$mg / $mo" | bc -l)" "$(echo "$cg / $co" | bc -l)"
fi
if [ -n "${BASE:-}" ]; then
  mb=$(median "${bw[@]}"); cb=$(median "${bc[@]}")
  printf 'base build: median %.1f s wall, %.1f CPU-s; CPU ratio (base/rastermill) %.2f\n' "$mb" "$cb" "$(echo "$cb / $co" | bc -l)"
fi
# The largest heap left after a full GC (--debug runs one before each graph's line, so the graphs are in it).
live() { grep 'Pause Full' "$1" | grep -o '>[0-9]*M(' | tr -dc '0-9\n' | sort -n | tail -1; }
for b in ${BLOCKS-256 512 1024}; do
  rm -rf "${OUT:?}"/*
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  JOPTS="${HEAP:+-Xmx$HEAP} -Xlog:gc:file=$OUT/gc.log" ours jobs/rastermill "$OUT/graph.time" "$OUT/ours" --debug --block "$b"
  echo "driver graphs at --block $b (load $load): live heap after full GCs at most $(live "$OUT/gc.log") MiB," \
    "max RSS $(field 'Maximum resident set size (kbytes)' "$OUT/graph.time") KB"
  sed -n 's/.*DriverGraphLog: /  /p' "$OUT/ours.err"
done
