#!/usr/bin/env bash
# GeoTIFF write benchmark: `rastermill translate --cog` against `gdal_translate -of COG` on the same
# DEM, DEFLATE + floating-point predictor, 512 blocks, overviews, one core each (taskset).
#   src/test/bench/geotiff-write-bench.sh [FILE] [PASSES]
# FILE defaults to the 16384^2 DEM of ../shared/bench/make_dem.sh (bash ../shared/bench/make_dem.sh 16384 /tmp/bench/data).
# Both read and decode the input too: this is an end-to-end re-encode. Outputs go to a temp dir.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
FILE=${1:-/tmp/bench/data/dem_16384.tif}
PASSES=${2:-3}
[ -f "$FILE" ] || { echo "no $FILE: run bash ../shared/bench/make_dem.sh 16384 /tmp/bench/data" >&2; exit 1; }
[ -f target/lib/picocli-4.7.7.jar ] || mvn -q -B -DskipTests package
. src/test/bench/cds-warm.sh   # each launcher's class-data-sharing archive from a small slope, untimed
cds_warm "$PWD" file "$FILE"
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 0"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ours=(); gdal=()
for i in $(seq "$PASSES"); do
  rm -f "$OUT"/*; sync
  s=$(date +%s.%N)
  $PIN jobs/rastermill translate --no-spark --threads 1 --cog --predictor yes "$FILE" "$OUT/ours.tif" >/dev/null
  e=$(date +%s.%N); ours+=("$(echo "$e - $s" | bc -l)")
  rm -f "$OUT"/*; sync
  s=$(date +%s.%N)
  GDAL_NUM_THREADS=1 $PIN gdal_translate -q -of COG -co COMPRESS=DEFLATE -co PREDICTOR=YES -co BLOCKSIZE=512 \
    "$FILE" "$OUT/gdal.tif"
  e=$(date +%s.%N); gdal+=("$(echo "$e - $s" | bc -l)")
  printf 'pass %d: rastermill %.2f s, gdal %.2f s\n' "$i" "${ours[-1]}" "${gdal[-1]}"
done
mo=$(median "${ours[@]}"); mg=$(median "${gdal[@]}")
printf 'medians: rastermill %.2f s, gdal %.2f s, ratio (gdal/rastermill) %.2f\n' "$mo" "$mg" "$(echo "$mg / $mo" | bc -l)"
