#!/usr/bin/env bash
# Median composite of 24 scenes of 4096^2 UInt16: Rastermill on Spark local[2] beside a single-process numpy median
# over the same stack (GDAL reads 512-row strips of every scene, np.nanmedian along time, GDAL writes Float32),
# alternating passes; prints wall and CPU seconds (user+sys), max RSS, the load, medians and ratios, whether the cells
# are equal, and ours' max RSS for 12 vs 24 scenes (mean and median) to show how memory grows with the scene count.
#   src/test/bench/composite-bench.sh [DIR] [PASSES]
# DIR (default /tmp/bench/composite) receives the scenes once (about 800 MB): all on one 10 m grid in UTM 33N, so that
# the warped stack is the stack itself (nearest on the same grid copies cells), 0 = NoData in cloud-shaped holes.
# The reference, as a command: python3 - DIR/scenes OUT.tif  (the NUMPY_MEDIAN program below).
# BASE=DIR also times another build's launcher (e.g. an export of main: DIR/jobs/rastermill) in the same rotation,
# and its max RSS for 12 vs 24 scenes beside ours.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
DIR=${1:-/tmp/bench/composite}
PASSES=${2:-3}
N=${N:-24}
SIZE=${SIZE:-4096}
mkdir -p "$DIR/scenes"
if [ "$(ls "$DIR/scenes" | wc -l)" -lt "$N" ]; then
  /usr/bin/python3 - "$DIR/scenes" "$N" "$SIZE" <<'PY'
import datetime, sys
import numpy as np
from osgeo import gdal, osr
gdal.UseExceptions()
out, n, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
srs = osr.SpatialReference(); srs.ImportFromEPSG(32633)
rng = np.random.default_rng(24)
yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) / size
for t in range(n):
    date = datetime.date(2024, 4, 1) + datetime.timedelta(days=7 * t)
    v = (2000 + 1500 * np.sin(6 * xx + t) * np.cos(5 * yy) + rng.integers(0, 400, (size, size))).astype(np.uint16)
    cx, cy, r = rng.random(3)
    v[(xx - cx) ** 2 + (yy - cy) ** 2 < (0.1 + 0.2 * r) ** 2] = 0  # a cloud, masked out as NoData
    ds = gdal.GetDriverByName("GTiff").Create(f"{out}/scene_{date:%Y%m%d}.tif", size, size, 1, gdal.GDT_UInt16,
                                              ["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512"])
    ds.SetGeoTransform((500000, 10, 0, 5000000, 0, -10)); ds.SetProjection(srs.ExportToWkt())
    b = ds.GetRasterBand(1); b.SetNoDataValue(0); b.WriteArray(v); ds = None
PY
fi
NUMPY_MEDIAN='
import glob, sys
import numpy as np
from osgeo import gdal
gdal.UseExceptions()
files = sorted(glob.glob(sys.argv[1] + "/*.tif"))[: int(sys.argv[3])]
src = [gdal.Open(f) for f in files]
w, h = src[0].RasterXSize, src[0].RasterYSize
out = gdal.GetDriverByName("GTiff").Create(sys.argv[2], w, h, 1, gdal.GDT_Float32, ["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512"])
out.SetGeoTransform(src[0].GetGeoTransform()); out.SetProjection(src[0].GetProjection())
ob = out.GetRasterBand(1); ob.SetNoDataValue(float("nan"))
for y in range(0, h, 512):
    rows = min(512, h - y)
    stack = np.stack([s.GetRasterBand(1).ReadAsArray(0, y, w, rows) for s in src]).astype(np.float32)
    stack[stack == 0] = np.nan
    with np.errstate(all="ignore"):
        import warnings; warnings.simplefilter("ignore")
        ob.WriteArray(np.nanmedian(stack, axis=0), 0, y)
out = None
'
jobs/rastermill --version >/dev/null   # builds once if needed, outside the timings
[ -z "${BASE:-}" ] || "$BASE/jobs/rastermill" --version >/dev/null
OUT=$(mktemp -d /tmp/composite-bench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
. src/test/bench/cds-warm.sh   # each launcher's class-data-sharing archive from a small slope, untimed
first_scene=$(ls "$DIR/scenes"/*.tif | sort | head -n 1)
cds_warm "$PWD" file "$first_scene"
[ -z "${BASE:-}" ] || cds_warm "$BASE" file "$first_scene"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# timed CMD...: runs it under /usr/bin/time, prints "wall cpu maxrss_mb"
timed() {
  /usr/bin/time -f '%e %U %S %M' -o "$OUT/time" "$@" >/dev/null 2>"$OUT/err" || { cat "$OUT/err" >&2; exit 1; }
  awk '{printf "%s %.2f %.0f\n", $1, $2 + $3, $4 / 1024}' "$OUT/time"
}
# The first N scenes (the reference takes the same N by sorted name).
mkdir -p "$OUT/in"
ls "$DIR/scenes"/*.tif | sort | head -n "$N" | while read -r f; do ln -s "$f" "$OUT/in/"; done
ours() { # REDUCER SCENES_DIR OUT [LAUNCHER]: the command line, as words
  echo "${4:-jobs/rastermill}" --conf spark.master='local[2]' composite --quiet "$2" --reduce "$1" --no-cog --compress none --block 512 "$3"
}
ow=(); oc=(); om=(); nw=(); nc=(); nm=(); bcpu=(); bmem=()
for i in $(seq "$PASSES"); do
  rm -f "$OUT"/*.tif; sync
  read -r w c m < <(timed $(ours median "$OUT/in" "$OUT/ours.tif"))
  ow+=("$w"); oc+=("$c"); om+=("$m")
  sync
  read -r w c m < <(timed /usr/bin/python3 -c "$NUMPY_MEDIAN" "$OUT/in" "$OUT/numpy.tif" "$N")
  nw+=("$w"); nc+=("$c"); nm+=("$m")
  if [ -n "${BASE:-}" ]; then
    sync
    read -r w c m < <(timed $(ours median "$OUT/in" "$OUT/base.tif" "$BASE/jobs/rastermill"))
    bcpu+=("$c"); bmem+=("$m")
    printf 'pass %d: base %.1f s wall, %.1f s cpu, %s MB\n' "$i" "$w" "$c" "$m"
  fi
  printf 'pass %d (load %s): rastermill %.1f s wall, %.1f s cpu, %s MB; numpy %.1f s wall, %.1f s cpu, %s MB\n' "$i" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "${ow[-1]}" "${oc[-1]}" "${om[-1]}" "${nw[-1]}" "${nc[-1]}" "${nm[-1]}"
done
mow=$(median "${ow[@]}"); moc=$(median "${oc[@]}"); mnw=$(median "${nw[@]}"); mnc=$(median "${nc[@]}")
printf 'medians (%d scenes of %d^2): rastermill %.1f s wall / %.1f s cpu, numpy %.1f s wall / %.1f s cpu; speed-up (wall) %.2fx, cpu ratio %.2f\n' \
  "$N" "$SIZE" "$mow" "$moc" "$mnw" "$mnc" "$(echo "$mnw / $mow" | bc -l)" "$(echo "$moc / $mnc" | bc -l)"
[ -z "${BASE:-}" ] || printf 'base: median %.1f s cpu, %s MB (max RSS median); cpu ratio base/ours %.2f\n' \
  "$(median "${bcpu[@]}")" "$(median "${bmem[@]}")" "$(echo "$(median "${bcpu[@]}") / $moc" | bc -l)"
/usr/bin/python3 - "$OUT/ours.tif" "$OUT/numpy.tif" <<'PY'
import sys
import numpy as np
from osgeo import gdal
ds = [gdal.Open(f) for f in sys.argv[1:3]]  # kept referenced: a band outliving its dataset crashes GDAL
x, y = (d.GetRasterBand(1).ReadAsArray() for d in ds)
same = (x == y) | (np.isnan(x) & np.isnan(y))
print(f'cells equal to numpy: {same.sum()} of {same.size}' + ('' if same.all() else f', max |difference| {np.nanmax(np.abs(x - y)):.4g}'))
PY
# Memory against the number of scenes: mean keeps a fixed number of arrays per tile, median every scene's values.
mkdir -p "$OUT/half"
ls "$OUT/in"/*.tif | sort | head -n $((N / 2)) | while read -r f; do ln -s "$(readlink "$f")" "$OUT/half/"; done
for r in mean median; do
  read -r _ _ m1 < <(timed $(ours "$r" "$OUT/half" "$OUT/$r-half.tif"))
  read -r _ _ m2 < <(timed $(ours "$r" "$OUT/in" "$OUT/$r-all.tif"))
  printf 'max RSS, %s: %d scenes %s MB, %d scenes %s MB\n' "$r" $((N / 2)) "$m1" "$N" "$m2"
  if [ -n "${BASE:-}" ]; then
    read -r _ _ m1 < <(timed $(ours "$r" "$OUT/half" "$OUT/$r-half.tif" "$BASE/jobs/rastermill"))
    read -r _ _ m2 < <(timed $(ours "$r" "$OUT/in" "$OUT/$r-all.tif" "$BASE/jobs/rastermill"))
    printf 'max RSS, %s, base: %d scenes %s MB, %d scenes %s MB\n' "$r" $((N / 2)) "$m1" "$N" "$m2"
  fi
done
