#!/usr/bin/env bash
# NDVI end to end: read the red/nir UInt16 pair -> (nir - red) / (nir + red) -> write a DEFLATE (predictor 3)
# Float32 GeoTIFF, Rastermill calc on Spark local[2] beside gdal_calc.py on the same files, alternating,
# in one run; prints medians, the throughput ratio, and the largest cell difference (must be <= 1e-6).
#   src/test/bench/calc-bench.sh [SIZE] [PASSES]
# Data: /tmp/bench/data/{red,nir}_SIZE.tif from ../shared/bench/make_dem.sh (made here if missing, ~1-3 min).
# Rastermill writes a plain tiled GeoTIFF like gdal_calc (RM_ARGS defaults to --no-cog); both use 512 blocks.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
SIZE=${1:-16384}
PASSES=${2:-3}
DATA=${DATA:-/tmp/bench/data}
RM_ARGS=${RM_ARGS:---no-cog}
RED=$DATA/red_$SIZE.tif
NIR=$DATA/nir_$SIZE.tif
if [ ! -f "$RED" ] || [ ! -f "$NIR" ]; then
  bash /work/shared/bench/make_dem.sh "$SIZE" "$DATA"
fi
jobs/rastermill --version >/dev/null   # builds once if needed, outside the timings
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ours=(); gdal=()
for i in $(seq "$PASSES"); do
  rm -f "$OUT"/ours.tif; sync
  s=$(date +%s.%N)
  # shellcheck disable=SC2086
  jobs/rastermill --conf spark.master='local[2]' calc --expr '(B - A) / (B + A)' -A "$RED" -B "$NIR" \
    "$OUT/ours.tif" --type Float32 --quiet $RM_ARGS >/dev/null 2>"$OUT/ours.err" \
    || { cat "$OUT/ours.err" >&2; exit 1; }
  e=$(date +%s.%N); ours+=("$(echo "$e - $s" | bc -l)")
  rm -f "$OUT"/gdal.tif; sync
  s=$(date +%s.%N)
  gdal_calc.py --quiet -A "$RED" -B "$NIR" --calc='(B.astype(float)-A)/(B.astype(float)+A)' --type=Float32 \
    --NoDataValue=-9999 --outfile="$OUT/gdal.tif" --co COMPRESS=DEFLATE --co PREDICTOR=3 --co TILED=YES \
    --co BLOCKXSIZE=512 --co BLOCKYSIZE=512 --co BIGTIFF=IF_SAFER >/dev/null
  e=$(date +%s.%N); gdal+=("$(echo "$e - $s" | bc -l)")
  printf 'pass %d: rastermill calc %.1f s, gdal_calc.py %.1f s\n' "$i" "${ours[-1]}" "${gdal[-1]}"
done
/usr/bin/python3 - "$OUT/ours.tif" "$OUT/gdal.tif" <<'PY'
import sys
import numpy as np
from osgeo import gdal
worst = 0.0
data = 0
a_ds, b_ds = gdal.Open(sys.argv[1]), gdal.Open(sys.argv[2])
a_b, b_b = a_ds.GetRasterBand(1), b_ds.GetRasterBand(1)
w, h = a_ds.RasterXSize, a_ds.RasterYSize
assert (w, h) == (b_ds.RasterXSize, b_ds.RasterYSize), "sizes differ"
for y in range(0, h, 1024):
    rows = min(1024, h - y)
    a = a_b.ReadAsArray(0, y, w, rows).astype(np.float64)
    b = b_b.ReadAsArray(0, y, w, rows).astype(np.float64)
    for band, arr in ((a_b, a), (b_b, b)):
        nd = band.GetNoDataValue()
        if nd is not None and not np.isnan(nd):
            arr[arr == nd] = np.nan
    na, nb = np.isnan(a), np.isnan(b)
    if not np.array_equal(na, nb):
        sys.exit(f"NoData differs in rows {y}..{y + rows - 1}: {int((na != nb).sum())} cells")
    ok = ~na
    data += int(ok.sum())
    if ok.any():
        worst = max(worst, float(np.abs(a[ok] - b[ok]).max()))
print(f"cells compared: {data}, max |rastermill - gdal_calc| = {worst:.3g}")
sys.exit(0 if worst <= 1e-6 else 1)
PY
mo=$(median "${ours[@]}"); mg=$(median "${gdal[@]}")
mpix=$(echo "$SIZE * $SIZE / 1000000" | bc -l)
printf 'medians: rastermill calc %.1f s (%.1f Mpix/s), gdal_calc.py %.1f s (%.1f Mpix/s), throughput ratio %.2f\n' \
  "$mo" "$(echo "$mpix / $mo" | bc -l)" "$mg" "$(echo "$mpix / $mg" | bc -l)" "$(echo "$mg / $mo" | bc -l)"
