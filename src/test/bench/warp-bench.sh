#!/usr/bin/env bash
# Warp a UTM DEM to EPSG:4326 with bilinear: Rastermill on Spark local[2] beside
# gdalwarp -multi -wo NUM_THREADS=2 -co NUM_THREADS=2 on the same file and output settings, alternating passes;
# prints wall and CPU seconds (user+sys, /usr/bin/time), the load, medians, ratios, file sizes and how the cells agree.
#   src/test/bench/warp-bench.sh [FILE] [PASSES]
# FILE defaults to the 16384^2 DEM of ../shared/bench/make_dem.sh (bash ../shared/bench/make_dem.sh 16384 /tmp/bench/data).
# Both write a tiled DEFLATE GeoTIFF, predictor 3, 512 blocks, no overviews (--no-cog); both use their exact-enough
# transformer defaults (ours: -et 0.001, gdalwarp: -et 0.125), or set ET=0 to make both exact.
# BASE=/path/to/another/checkout (built, e.g. main's in /tmp/warp/base) adds its run to each pass, between ours and
# gdalwarp, and checks that its output is byte-equal to ours.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
FILE=${1:-/tmp/bench/data/dem_16384.tif}
PASSES=${2:-3}
ET=${ET:-}
BASE=${BASE:-}
[ -f "$FILE" ] || { echo "no $FILE: run bash ../shared/bench/make_dem.sh 16384 /tmp/bench/data" >&2; exit 1; }
jobs/rastermill --version >/dev/null   # builds once if needed, outside the timings
[ -z "$BASE" ] || "$BASE/jobs/rastermill" --version >/dev/null
OUT=$(mktemp -d /tmp/warp-bench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
# The first command after a build writes the launcher's class-data-sharing archive at exit, which cost pass 1 several
# CPU-seconds more than the others: a small warp, untimed, writes it first (the same classes as the timed runs).
gdal_translate -q -srcwin 0 0 1024 1024 "$FILE" "$OUT/warm-src.tif"
for home in . ${BASE:+"$BASE"}; do
  "$home/jobs/rastermill" --conf spark.master='local[2]' warp --quiet -t_srs EPSG:4326 -r bilinear --no-cog \
    --compress deflate --predictor 3 --block 512 "$OUT/warm-src.tif" "$OUT/warm.tif" >/dev/null 2>&1
  rm -f "$OUT/warm.tif"
done
rm -f "$OUT/warm-src.tif"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
et_ours=(); et_gdal=()
if [ -n "$ET" ]; then et_ours=(-et "$ET"); et_gdal=(-et "$ET"); fi
# timed CMD...: runs it under /usr/bin/time, prints "wall cpu"
timed() {
  /usr/bin/time -f '%e %U %S' -o "$OUT/time" "$@" >/dev/null 2>"$OUT/err" || { cat "$OUT/err" >&2; exit 1; }
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$OUT/time"
}
# ours HOME OUT.tif: one local[2] warp with the launcher of HOME
ours() {
  timed "$1/jobs/rastermill" --conf spark.master='local[2]' warp --quiet -t_srs EPSG:4326 -r bilinear \
    "${et_ours[@]}" --no-cog --compress deflate --predictor 3 --block 512 "$FILE" "$2"
}
ow=(); oc=(); bw=(); bc=(); gw=(); gc=()
for i in $(seq "$PASSES"); do
  rm -f "$OUT"/*.tif; sync
  read -r w c < <(ours . "$OUT/ours.tif")
  ow+=("$w"); oc+=("$c")
  sync
  if [ -n "$BASE" ]; then
    read -r w c < <(ours "$BASE" "$OUT/base.tif")
    bw+=("$w"); bc+=("$c")
    sync
  fi
  read -r w c < <(timed gdalwarp -q -multi -wo NUM_THREADS=2 -co NUM_THREADS=2 -t_srs EPSG:4326 -r bilinear \
    "${et_gdal[@]}" -co TILED=YES -co COMPRESS=DEFLATE -co PREDICTOR=3 -co BLOCKXSIZE=512 -co BLOCKYSIZE=512 \
    -co BIGTIFF=IF_SAFER "$FILE" "$OUT/gdal.tif")
  gw+=("$w"); gc+=("$c")
  printf 'pass %d (load %s): rastermill %.1f s wall, %.1f s cpu;%s gdalwarp %.1f s wall, %.1f s cpu\n' "$i" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "${ow[-1]}" "${oc[-1]}" \
    "$([ -z "$BASE" ] || printf ' base %.1f s wall, %.1f s cpu;' "${bw[-1]}" "${bc[-1]}")" "${gw[-1]}" "${gc[-1]}"
  if [ -n "$BASE" ]; then
    cmp -s "$OUT/ours.tif" "$OUT/base.tif" && echo "  ours byte-equal to base" || echo "  ours DIFFERS from base"
  fi
done
mow=$(median "${ow[@]}"); moc=$(median "${oc[@]}"); mgw=$(median "${gw[@]}"); mgc=$(median "${gc[@]}")
so=$(stat -c %s "$OUT/ours.tif"); sg=$(stat -c %s "$OUT/gdal.tif")
printf 'medians: rastermill %.1f s wall / %.1f s cpu, gdalwarp %.1f s wall / %.1f s cpu; speed-up (wall) %.2fx, cpu ratio %.2f\n' \
  "$mow" "$moc" "$mgw" "$mgc" "$(echo "$mgw / $mow" | bc -l)" "$(echo "$moc / $mgc" | bc -l)"
if [ -n "$BASE" ]; then
  mbw=$(median "${bw[@]}"); mbc=$(median "${bc[@]}")
  printf 'base medians: %.1f s wall / %.1f s cpu; ours vs base: wall %.2fx, cpu %.2fx less\n' "$mbw" "$mbc" \
    "$(echo "$mbw / $mow" | bc -l)" "$(echo "$mbc / $moc" | bc -l)"
fi
printf 'sizes: rastermill %d bytes, gdalwarp %d bytes (%.3fx)\n' "$so" "$sg" "$(echo "$so / $sg" | bc -l)"
gdalinfo "$OUT/ours.tif" | grep -E '^Size is|^Pixel Size'
gdalinfo "$OUT/gdal.tif" | grep -E '^Size is|^Pixel Size'
/usr/bin/python3 - "$OUT/ours.tif" "$OUT/gdal.tif" <<'PY'
import sys
import numpy as np
from osgeo import gdal
a, b = (gdal.Open(f) for f in sys.argv[1:3])
if (a.RasterXSize, a.RasterYSize) != (b.RasterXSize, b.RasterYSize):
    print('grids differ: cells not compared'); sys.exit(0)
x = a.GetRasterBand(1).ReadAsArray().astype(np.float64); y = b.GetRasterBand(1).ReadAsArray().astype(np.float64)
nd = a.GetRasterBand(1).GetNoDataValue()
m = ~(np.isnan(x) | np.isnan(y)) & (x != nd) & (y != nd)
d = np.abs(x - y)[m]
print(f'cells with data in both: {m.sum()}, p99 |difference| {np.percentile(d, 99):.4g}, max {d.max():.4g}, data range {np.ptp(y[m]):.4g}')
PY
