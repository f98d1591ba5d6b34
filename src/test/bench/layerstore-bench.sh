#!/usr/bin/env bash
# GeoTrellis layer-store benchmark: write and read a 16384^2 Float32 DEM as a GeoTrellis file-backend
# layer (512^2 tiles, Z-order) against Rastermill's own COG writer on the same data, on Spark (local[*]).
#   src/test/bench/layerstore-bench.sh [FILE] [PASSES]
# FILE defaults to the DEM of ../shared/bench/make_dem.sh; it is made (~40 s) if missing.
#   write: layer write DEM -> catalog        vs  translate DEM -> COG (deflate, predictor 3, overviews)
#   read:  layer read catalog -> plain TIFF  vs  translate COG -> plain TIFF (same uncompressed output,
#          so the difference is the cost of reading the layer vs reading the COG)
# Prints each pass, the medians, the ratios and the number of files each format produces.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
FILE=${1:-/tmp/bench/data/dem_16384.tif}
PASSES=${2:-3}
if [ ! -f "$FILE" ]; then
  bash /work/shared/bench/make_dem.sh 16384 "$(dirname "$FILE")"
fi
[ -f target/lib/picocli-4.7.7.jar ] || mvn -q -B -DskipTests -Drastermill.native.skip=true package
. src/test/bench/cds-warm.sh   # each launcher's class-data-sharing archive from a small slope, untimed
cds_warm "$PWD" file "$FILE"
export RASTERMILL_JAVA_OPTS=${RASTERMILL_JAVA_OPTS:--Xmx6g}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s.%N; }
lw=(); cw=(); lr=(); cr=()
for i in $(seq "$PASSES"); do
  rm -rf "$OUT"/*; sync
  s=$(now); jobs/rastermill layer write "$FILE" "$OUT/catalog" --name dem --zoom 0 --tile-size 512 >/dev/null; e=$(now)
  lw+=("$(echo "$e - $s" | bc -l)")
  s=$(now); jobs/rastermill translate --cog --predictor yes "$FILE" "$OUT/dem.cog.tif" >/dev/null; e=$(now)
  cw+=("$(echo "$e - $s" | bc -l)")
  sync
  s=$(now); jobs/rastermill layer read "$OUT/catalog" "$OUT/from-layer.tif" --name dem --zoom 0 --compress none --no-cog >/dev/null; e=$(now)
  lr+=("$(echo "$e - $s" | bc -l)")
  s=$(now); jobs/rastermill translate --compress none --no-cog "$OUT/dem.cog.tif" "$OUT/from-cog.tif" >/dev/null; e=$(now)
  cr+=("$(echo "$e - $s" | bc -l)")
  printf 'pass %d: write layer %.2f s, COG %.2f s; read layer %.2f s, COG %.2f s\n' "$i" "${lw[-1]}" "${cw[-1]}" "${lr[-1]}" "${cr[-1]}"
done
files=$(find "$OUT/catalog" -type f | wc -l)
lbytes=$(du -sb "$OUT/catalog" | cut -f1)
cbytes=$(stat -c %s "$OUT/dem.cog.tif")
mlw=$(median "${lw[@]}"); mcw=$(median "${cw[@]}"); mlr=$(median "${lr[@]}"); mcr=$(median "${cr[@]}")
mpix=$(echo "16384 * 16384 / 1000000" | bc -l)
printf 'medians (%d passes): write layer %.2f s (%.1f Mpix/s), COG %.2f s (%.1f Mpix/s), layer/COG time %.2f\n' \
  "$PASSES" "$mlw" "$(echo "$mpix / $mlw" | bc -l)" "$mcw" "$(echo "$mpix / $mcw" | bc -l)" "$(echo "$mlw / $mcw" | bc -l)"
printf '                   read  layer %.2f s (%.1f Mpix/s), COG %.2f s (%.1f Mpix/s), layer/COG time %.2f\n' \
  "$mlr" "$(echo "$mpix / $mlr" | bc -l)" "$mcr" "$(echo "$mpix / $mcr" | bc -l)" "$(echo "$mlr / $mcr" | bc -l)"
printf 'files: layer %d (%d tile files + 1 attribute), %.1f MB; COG 1 file, %.1f MB\n' \
  "$files" "$((files - 1))" "$(echo "$lbytes / 1000000" | bc -l)" "$(echo "$cbytes / 1000000" | bc -l)"
