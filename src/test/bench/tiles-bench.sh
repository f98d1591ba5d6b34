#!/usr/bin/env bash
# XYZ web tiles of a DEM: Rastermill's tiles on Spark local[2] beside gdal2tiles.py --xyz --processes=2 on the same
# Byte file and zooms, alternating passes; prints wall and CPU seconds (user+sys, /usr/bin/time), the load, medians,
# ratios, tile counts and bytes written.
#   src/test/bench/tiles-bench.sh [FILE] [PASSES] [LEVELS]
# FILE defaults to the 4096^2 DEM of ../shared/bench/make_dem.sh (bash ../shared/bench/make_dem.sh 4096 /tmp/bench/data);
# gdal2tiles takes Byte only, so the DEM is first scaled to Byte (gdal_translate -ot Byte -scale, outside the
# timings) and both tile that. Zooms: the one gdal2tiles picks for the raster's resolution and LEVELS-1 below it
# (LEVELS default 6). Both use average resampling (gdal2tiles' default).
# BASE=DIR (another checkout of Rastermill, e.g. `git archive main | tar -x -C DIR`, built) adds its tiles to every
# pass, between ours and gdal2tiles, for before/after figures from the same passes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
FILE=${1:-/tmp/bench/data/dem_4096.tif}
PASSES=${2:-3}
LEVELS=${3:-6}
[ -f "$FILE" ] || { echo "no $FILE: run bash ../shared/bench/make_dem.sh 4096 /tmp/bench/data" >&2; exit 1; }
jobs/rastermill --version >/dev/null   # builds once if needed, outside the timings
BASE=${BASE:-}
[ -z "$BASE" ] || "$BASE/jobs/rastermill" --version >/dev/null
. src/test/bench/cds-warm.sh   # each launcher's class-data-sharing archive from a small slope, untimed
cds_warm "$PWD" file "$FILE"
[ -z "$BASE" ] || cds_warm "$BASE" file "$FILE"
OUT=$(mktemp -d /tmp/tiles-bench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
gdal_translate -q -ot Byte -scale -a_nodata 0 "$FILE" "$OUT/byte.tif"
# gdal2tiles' top zoom: the deepest whose resolution is not finer than the raster's in EPSG:3857
TOP=$(/usr/bin/python3 - "$OUT/byte.tif" <<'PY'
import math, sys
from osgeo import gdal, osr
s = osr.SpatialReference(); s.ImportFromEPSG(3857)
v = gdal.AutoCreateWarpedVRT(gdal.Open(sys.argv[1]), None, s.ExportToWkt())
res = v.GetGeoTransform()[1]
z = 0
while 2 * math.pi * 6378137 / 256 / 2 ** (z + 1) >= res:
    z += 1
print(z)
PY
)
ZOOMS="$((TOP - LEVELS + 1 < 0 ? 0 : TOP - LEVELS + 1))-$TOP"
echo "file $FILE as Byte, zooms $ZOOMS"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() {
  /usr/bin/time -f '%e %U %S' -o "$OUT/time" "$@" >/dev/null 2>"$OUT/err" || { cat "$OUT/err" >&2; exit 1; }
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$OUT/time"
}
ow=(); oc=(); bw=(); bc=(); gw=(); gc=()
for i in $(seq "$PASSES"); do
  rm -rf "$OUT/ours" "$OUT/base" "$OUT/gdal"; sync
  read -r w c < <(timed jobs/rastermill --conf spark.master='local[2]' tiles --quiet --zoom "$ZOOMS" \
    "$OUT/byte.tif" "$OUT/ours")
  ow+=("$w"); oc+=("$c")
  sync
  if [ -n "$BASE" ]; then
    read -r w c < <(timed "$BASE/jobs/rastermill" --conf spark.master='local[2]' tiles --quiet --zoom "$ZOOMS" \
      "$OUT/byte.tif" "$OUT/base")
    bw+=("$w"); bc+=("$c")
    printf 'pass %d base: %.1f s wall, %.1f s cpu\n' "$i" "${bw[-1]}" "${bc[-1]}"
    sync
  fi
  read -r w c < <(timed /usr/bin/python3 /usr/bin/gdal2tiles.py --xyz -q --processes=2 -w none -z "$ZOOMS" \
    "$OUT/byte.tif" "$OUT/gdal")
  gw+=("$w"); gc+=("$c")
  printf 'pass %d (load %s): rastermill %.1f s wall, %.1f s cpu; gdal2tiles %.1f s wall, %.1f s cpu\n' "$i" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "${ow[-1]}" "${oc[-1]}" "${gw[-1]}" "${gc[-1]}"
done
mow=$(median "${ow[@]}"); moc=$(median "${oc[@]}"); mgw=$(median "${gw[@]}"); mgc=$(median "${gc[@]}")
printf 'medians: rastermill %.1f s wall / %.1f s cpu, gdal2tiles %.1f s wall / %.1f s cpu; speed-up (wall) %.2fx, cpu ratio %.2f\n' \
  "$mow" "$moc" "$mgw" "$mgc" "$(echo "$mgw / $mow" | bc -l)" "$(echo "$moc / $mgc" | bc -l)"
if [ -n "$BASE" ]; then
  mbw=$(median "${bw[@]}"); mbc=$(median "${bc[@]}")
  printf 'base: %.1f s wall / %.1f s cpu; ours/base cpu %.2f, wall %.2f\n' "$mbw" "$mbc" \
    "$(echo "$moc / $mbc" | bc -l)" "$(echo "$mow / $mbw" | bc -l)"
fi
for d in ours $([ -z "$BASE" ] || echo base) gdal; do
  printf '%s: %d tiles, %d bytes\n' "$d" "$(find "$OUT/$d" -name '*.png' | wc -l)" \
    "$(find "$OUT/$d" -name '*.png' -printf '%s\n' | awk '{s += $1} END {print s}')"
done
if diff <(cd "$OUT/ours" && find . -name '*.png' | sort) <(cd "$OUT/gdal" && find . -name '*.png' | sort) >/dev/null; then
  echo 'tile sets: equal'
else
  echo 'tile sets: DIFFER'
fi
