#!/usr/bin/env bash
# GeoTIFF decode benchmark: Rastermill's reader against GDAL on the same file, one thread each.
#   src/test/bench/geotiff-bench.sh [FILE] [PASSES]
# FILE defaults to the 16384^2 Float32 DEFLATE+PREDICTOR=3 DEM made by ../shared/bench/make_dem.sh
# (create it first: bash ../shared/bench/make_dem.sh 16384 /tmp/bench/data). Needs gdal-bin.
# Prints each pass and the medians side by side. Data never goes into the repository.
# Extra JVM options for the Rastermill side: RASTERMILL_JAVA_OPTS, e.g. -Drastermill.deflate=java (or native).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
FILE=${1:-/tmp/bench/data/dem_16384.tif}
PASSES=${2:-3}
[ -f "$FILE" ] || { echo "no $FILE: run bash ../shared/bench/make_dem.sh 16384 /tmp/bench/data" >&2; exit 1; }
[ -d target/test-classes ] || mvn -q -B -DskipTests test-compile
[ -d target/lib ] || mvn -q -B -DskipTests package
OPENS=$(grep -v '^#' conf/jvm-options | tr '\n' ' ')
# Both sides pinned to one core so neither gets help from the second (GC threads, readahead).
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 0"

echo "== Rastermill GeoTiffReader, 1 thread: $FILE"
# shellcheck disable=SC2086
$PIN java -Xmx4g $OPENS ${RASTERMILL_JAVA_OPTS:-} -cp "target/test-classes:target/classes:target/lib/*" \
  io.rastermill.bench.GeoTiffDecodeBenchmark "$FILE" "$PASSES"

echo "== GDAL gdal_translate -of ENVI, GDAL_NUM_THREADS=1"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
times=()
for i in $(seq "$PASSES"); do
  rm -f "$OUT"/out.*; sync
  s=$(date +%s.%N)
  GDAL_NUM_THREADS=1 $PIN gdal_translate -q -of ENVI "$FILE" "$OUT/out.envi"
  e=$(date +%s.%N)
  t=$(echo "$e - $s" | bc -l)
  times+=("$t")
  printf 'pass %d: %.2f s\n' "$i" "$t"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'gdal decode median: %.2f s\n' "$median"
