#!/usr/bin/env bash
# Zonal statistics end to end: `rastermill zonal VALUES ZONES` on Spark local[2] beside a single-threaded
# NumPy reference (GDAL reads, np.bincount / sorted segments) on the same files, in one run; medians and ratio.
#   src/test/bench/zonal-bench.sh [SIZE] [PASSES]
# Makes SIZE^2 int16 values (NoData -9999, DEFLATE) and uint16 zones (~1000 block zones, DEFLATE) in a temp dir.
# STATS (default count,sum,mean,min,max,stddev) goes to both sides; with median/p90 NumPy sorts per zone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
SIZE=${1:-4096}
PASSES=${2:-3}
STATS=${STATS:-count,sum,mean,min,max,stddev}
PY=/usr/bin/python3
jobs/rastermill --version >/dev/null   # builds once if needed, outside the timings
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
$PY - "$DIR" "$SIZE" <<'PYEOF'
import sys
import numpy as np
from osgeo import gdal
d, n = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(1)
def write(name, a, t, nd):
    ds = gdal.GetDriverByName("GTiff").Create(f"{d}/{name}", n, n, 1, t,
        ["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "COMPRESS=DEFLATE", "PREDICTOR=2", "BIGTIFF=IF_SAFER"])
    ds.SetGeoTransform((0, 1, 0, n, 0, -1)); b = ds.GetRasterBand(1); b.SetNoDataValue(nd); b.WriteArray(a); ds = None
v = rng.integers(-1000, 5000, size=(n, n), dtype=np.int16); v[rng.random((n, n)) < 0.05] = -9999
write("values.tif", v, gdal.GDT_Int16, -9999)
g = max(1, n // 32)
ids = rng.choice(np.arange(1, 60000), size=32 * 32, replace=False).astype(np.uint16).reshape(32, 32)
z = np.kron(ids, np.ones((g, g), dtype=np.uint16))[:n, :n]
write("zones.tif", z, gdal.GDT_UInt16, 0)
PYEOF
. src/test/bench/cds-warm.sh   # the class-data-sharing archive from a small slope, untimed
cds_warm "$PWD" file "$DIR/values.tif"
cat > "$DIR/ref.py" <<'PYEOF'
import sys
import numpy as np
from osgeo import gdal
d, stats = sys.argv[1], sys.argv[2].split(",")
v = gdal.Open(f"{d}/values.tif").ReadAsArray().ravel()
z = gdal.Open(f"{d}/zones.tif").ReadAsArray().ravel()
keep = (z != 0) & (v != -9999)
v = v[keep].astype(np.float64); z = z[keep]
cnt = np.bincount(z, minlength=65536); s = np.bincount(z, weights=v, minlength=65536)
mean = s / np.maximum(cnt, 1); var = np.bincount(z, weights=v * v, minlength=65536) / np.maximum(cnt, 1) - mean ** 2
order = np.lexsort((v, z)); zs = z[order]; vs = v[order]
starts = np.flatnonzero(np.r_[True, zs[1:] != zs[:-1]]); ends = np.r_[starts[1:], zs.size]
mn = vs[starts]; mx = vs[ends - 1]
if any(x == "median" or x.startswith("p") for x in stats):
    med = vs[starts + np.ceil(0.5 * (ends - starts)).astype(int) - 1]
print(len(starts), "zones")
if len(sys.argv) > 3:  # check our CSV against these results
    import csv
    rows = {int(r["zone"]): r for r in csv.DictReader(open(sys.argv[3]))}
    ids = zs[starts]
    assert set(rows) >= set(ids.tolist()), "zones differ"
    for k, zid in enumerate(ids):
        r = rows[int(zid)]
        assert int(r["count"]) == cnt[zid], (zid, r["count"], cnt[zid])
        assert abs(float(r["mean"]) - mean[zid]) <= 1e-9 * max(1, abs(mean[zid])), (zid, r["mean"], mean[zid])
        assert float(r["min"]) == mn[k] and float(r["max"]) == mx[k], zid
    print("rastermill's CSV agrees with NumPy on", len(ids), "zones")
PYEOF
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ours=(); ref=()
for i in $(seq "$PASSES"); do
  s=$(date +%s.%N)
  jobs/rastermill --conf spark.master='local[2]' zonal "$DIR/values.tif" "$DIR/zones.tif" --stats "$STATS" \
    --csv "$DIR/ours.csv" >/dev/null 2>"$DIR/ours.err" || { cat "$DIR/ours.err" >&2; exit 1; }
  e=$(date +%s.%N); ours+=("$(echo "$e - $s" | bc -l)")
  s=$(date +%s.%N)
  $PY "$DIR/ref.py" "$DIR" "$STATS" >/dev/null
  e=$(date +%s.%N); ref+=("$(echo "$e - $s" | bc -l)")
  printf 'pass %d: rastermill %.1f s, numpy %.1f s\n' "$i" "${ours[-1]}" "${ref[-1]}"
done
[[ ",$STATS," == *,count,*mean*min*max* ]] && $PY "$DIR/ref.py" "$DIR" "$STATS" "$DIR/ours.csv" | tail -1
mo=$(median "${ours[@]}"); mr=$(median "${ref[@]}")
mpix=$(echo "$SIZE * $SIZE / 1000000" | bc -l)
printf 'medians (%s, %dx%d, %s zones): rastermill %.1f s (%.1f Mpix/s), numpy %.1f s (%.1f Mpix/s), ratio numpy/rastermill %.2f\n' \
  "$STATS" "$SIZE" "$SIZE" "$(($(wc -l < "$DIR/ours.csv") - 1))" "$mo" "$(echo "$mpix / $mo" | bc -l)" "$mr" \
  "$(echo "$mpix / $mr" | bc -l)" "$(echo "$mr / $mo" | bc -l)"
