#!/usr/bin/env bash
# Where a job allocates: JFR's allocation samples (jdk.ObjectAllocationSample, weighted by the bytes each stands for)
# summed per site (innermost io.rastermill frame and class), for slope (--overviews none --no-cog) and NDVI (calc to
# Float32, no overviews) on local[2]. Prints the process's CPU seconds beside them; JFR turns the CDS archive off.
#   src/test/bench/alloc-profile.sh [SIZE] [CASES] [TOP]     (default 8192 "slope ndvi" 15; DATA=/tmp/bench/data)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
SIZE=${1:-8192}
CASES=${2:-slope ndvi}
TOP=${3:-15}
DATA=${DATA:-/tmp/bench/data}
DEM=$DATA/dem_$SIZE.tif RED=$DATA/red_$SIZE.tif NIR=$DATA/nir_$SIZE.tif
[ -f "$DEM" ] && [ -f "$RED" ] && [ -f "$NIR" ] || bash /work/shared/bench/make_dem.sh "$SIZE" "$DATA"
JFR=${JFR:-$(dirname "$(readlink -f "$(command -v java)")")/jfr}
[ -x "$JFR" ] || { echo "alloc-profile: no jfr tool at $JFR (set JFR=)" >&2; exit 1; }
jobs/rastermill --version >/dev/null # builds once if needed, outside the timings
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
for case in $CASES; do
  case $case in
    slope) args=(slope "$DEM" "$OUT/out.tif" --quiet --overviews none --no-cog) ;;
    ndvi) args=(calc --expr '(B - A) / (B + A)' -A "$RED" -B "$NIR" "$OUT/out.tif" --type Float32 --quiet
                --overviews none --no-cog) ;;
    *) echo "alloc-profile: unknown case $case (slope, ndvi)" >&2; exit 2 ;;
  esac
  rm -f "$OUT/out.tif" "$OUT/rec.jfr"
  load=$(cut -d' ' -f1 /proc/loadavg)
  RASTERMILL_JAVA_OPTS="-XX:StartFlightRecording=filename=$OUT/rec.jfr,settings=profile ${RASTERMILL_JAVA_OPTS:-}" \
    /usr/bin/time -f "%U %S %e %M" -o "$OUT/time" jobs/rastermill --conf spark.master='local[2]' "${args[@]}" \
    >/dev/null 2>"$OUT/err" || { cat "$OUT/err" >&2; exit 1; }
  read -r user sys wall rss < "$OUT/time"
  printf '%s %s²: %.2f CPU-s, wall %s s, max RSS %d MiB, load before %s\n' "$case" "$SIZE" \
    "$(echo "$user + $sys" | bc)" "$wall" $((rss / 1024)) "$load"
  "$JFR" print --events jdk.ObjectAllocationSample --stack-depth 30 "$OUT/rec.jfr" \
    | /usr/bin/python3 src/test/bench/jfr_alloc.py "$TOP"
done
