#!/usr/bin/env bash
# End-to-end slope: read a DEFLATE DEM -> slope -> write a DEFLATE (predictor 3) GeoTIFF, Rastermill on
# Spark local[2] beside gdaldem on the same file, in one run; prints medians and the ratio.
#   src/test/bench/slope-bench.sh [FILE] [PASSES]
# FILE defaults to the 16384^2 DEM of ../shared/bench/make_dem.sh (bash ../shared/bench/make_dem.sh 16384 /tmp/bench/data).
# Rastermill writes a COG with overviews (more work than gdaldem's plain tiled output); set
# RM_ARGS="--no-cog" to compare like for like. gdaldem runs with the baseline's options
# (../shared/bench/BASELINE.md, case a): -co COMPRESS=DEFLATE -co PREDICTOR=3 -co TILED=YES, 512 blocks.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
FILE=${1:-/tmp/bench/data/dem_16384.tif}
PASSES=${2:-3}
RM_ARGS=${RM_ARGS:-}
[ -f "$FILE" ] || { echo "no $FILE: run bash ../shared/bench/make_dem.sh 16384 /tmp/bench/data" >&2; exit 1; }
jobs/rastermill --version >/dev/null   # builds once if needed, outside the timings
. src/test/bench/cds-warm.sh   # each launcher's class-data-sharing archive from a small slope, untimed
cds_warm "$PWD" slope "$FILE"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ours=(); gdal=()
for i in $(seq "$PASSES"); do
  rm -rf "${OUT:?}"/*; sync
  s=$(date +%s.%N)
  # shellcheck disable=SC2086
  jobs/rastermill --conf spark.master='local[2]' slope "$FILE" "$OUT/ours.tif" --quiet $RM_ARGS >/dev/null 2>"$OUT/ours.err" \
    || { cat "$OUT/ours.err" >&2; exit 1; }
  e=$(date +%s.%N); ours+=("$(echo "$e - $s" | bc -l)")
  rm -rf "${OUT:?}"/*; sync
  s=$(date +%s.%N)
  gdaldem slope -q "$FILE" "$OUT/gdal.tif" -co COMPRESS=DEFLATE -co PREDICTOR=3 -co TILED=YES \
    -co BLOCKXSIZE=512 -co BLOCKYSIZE=512 -co BIGTIFF=IF_SAFER
  e=$(date +%s.%N); gdal+=("$(echo "$e - $s" | bc -l)")
  printf 'pass %d: rastermill %.1f s, gdaldem %.1f s\n' "$i" "${ours[-1]}" "${gdal[-1]}"
done
mo=$(median "${ours[@]}"); mg=$(median "${gdal[@]}")
mpix=$(gdalinfo "$FILE" | awk -F'[ ,]+' '/^Size is/ {print $3 * $4 / 1e6}')
printf 'medians: rastermill %.1f s (%.1f Mpix/s), gdaldem %.1f s (%.1f Mpix/s), throughput ratio %.2f\n' \
  "$mo" "$(echo "$mpix / $mo" | bc -l)" "$mg" "$(echo "$mpix / $mg" | bc -l)" "$(echo "$mg / $mo" | bc -l)"
