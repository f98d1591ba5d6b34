#!/usr/bin/env bash
# Where the WALL time of one job goes, not only its CPU: one local[2] run with Spark's event log on, its threads' CPU
# sampled every 0.1 s from /proc and grouped (driver, tasks, JIT, GC/VM, other), split at the milestones: SparkContext
# up, first job, first task, last task, last job, the output file's last write (the driver's assembly), exit. Prints
# the milestones, CPU-s and cores busy per phase, and cores busy per 0.5 s (timeline.py).
#   src/test/bench/timeline.sh [SIZE] [CASE]     CASE: ndvi (default), slope_none; DATA=/tmp/bench/data
#   WARM=0 keeps the launcher's class-data-sharing archive as it is (default: made again by cds-warm.sh first)
# The event log costs a little CPU; for the figures of record use defaults-bench.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
SIZE=${1:-16384}
CASE=${2:-ndvi}
DATA=${DATA:-/tmp/bench/data}
DEM=$DATA/dem_$SIZE.tif RED=$DATA/red_$SIZE.tif NIR=$DATA/nir_$SIZE.tif
[ -f "$DEM" ] && [ -f "$RED" ] && [ -f "$NIR" ] || bash /work/shared/bench/make_dem.sh "$SIZE" "$DATA"
jobs/rastermill --version >/dev/null # builds once if needed
if [ "${WARM:-1}" != 0 ]; then
  . src/test/bench/cds-warm.sh
  cds_warm "$(pwd)" "$CASE" "$DEM" "$RED" "$NIR"
fi
OUT=$(mktemp -d /tmp/timeline.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
mkdir "$OUT/events"
case $CASE in
  ndvi) args=(calc --expr '(B - A) / (B + A)' -A "$RED" -B "$NIR" "$OUT/out.tif" --type Float32 --quiet
              --overviews none --no-cog) ;;
  slope_none) args=(slope "$DEM" "$OUT/out.tif" --quiet --overviews none --no-cog) ;;
  *) echo "timeline: unknown case $CASE (ndvi, slope_none)" >&2; exit 2 ;;
esac
echo "$CASE $SIZE², load before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 src/test/bench/timeline.py "$OUT/out.tif" "$OUT/events" -- jobs/rastermill \
  --conf spark.master='local[2]' --conf spark.eventLog.enabled=true --conf spark.eventLog.dir="file://$OUT/events" \
  "${args[@]}"
