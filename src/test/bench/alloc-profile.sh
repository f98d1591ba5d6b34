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
. src/test/bench/jfr-run.sh
jfr_setup alloc-profile "$SIZE"
for case in $CASES; do
  case $case in
    slope) args=(slope "$DEM" "$OUT/out.tif" --quiet --overviews none --no-cog) ;;
    ndvi) args=(calc --expr '(B - A) / (B + A)' -A "$RED" -B "$NIR" "$OUT/out.tif" --type Float32 --quiet
                --overviews none --no-cog) ;;
    *) echo "alloc-profile: unknown case $case (slope, ndvi)" >&2; exit 2 ;;
  esac
  jfr_record profile "${args[@]}"
  printf '%s %s²: %.2f CPU-s, wall %s s, max RSS %d MiB, load before %s\n' "$case" "$SIZE" \
    "$(echo "$user + $sys" | bc)" "$wall" $((rss / 1024)) "$load"
  "$JFR" print --events jdk.ObjectAllocationSample --stack-depth 30 "$OUT/rec.jfr" \
    | /usr/bin/python3 src/test/bench/jfr_alloc.py "$TOP"
done
