#!/usr/bin/env bash
# Rastermill's defaults against GDAL 3.6 on the benchmark rasters of ../shared/bench/make_dem.sh, whole processes,
# alternating (ours, the baseline build if BASE_HOME is set, GDAL) PASSES times per case; every run under
# /usr/bin/time -v with the load average beside it. Prints per run and as medians: wall s, CPU s (user+sys),
# max RSS, output size, and the CPU and wall ratios GDAL / ours (> 1: we are faster). Checks the outputs: cells
# equal to GDAL's within the tolerance, the same overview count, and byte-equal to the baseline build's file.
#   src/test/bench/defaults-bench.sh [SIZE] [PASSES]
#   CASES=slope_cog,slope_none,ndvi (default: all)   BASE_HOME=/path/to/another/checkout (built: optional)
#   RM_ARGS="--level 6" (more options for our runs only, e.g. to compare bytes with a baseline build at level 6)
# Cases:
#   slope_cog   slope DEM OUT (defaults: COG, overviews)   vs gdaldem slope -of COG -co COMPRESS=DEFLATE
#               -co PREDICTOR=YES -co NUM_THREADS=2 --config GDAL_NUM_THREADS 2
#   slope_none  slope --overviews none --no-cog           vs gdaldem slope, 1 thread, tiled DEFLATE PREDICTOR=3
#   ndvi        calc (B - A) / (B + A) --type Float32 --overviews none --no-cog
#                                                           vs gdal_calc.py ... --co NUM_THREADS=2
# Ours runs on local[2] (the machine's two cores). Data: /tmp/bench/data (made here if missing, ~1-3 min).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
HERE=$(pwd)
SIZE=${1:-16384}
PASSES=${2:-3}
DATA=${DATA:-/tmp/bench/data}
CASES=${CASES:-slope_cog,slope_none,ndvi}
BASE_HOME=${BASE_HOME:-}
RM_ARGS=${RM_ARGS:-}
DEM=$DATA/dem_$SIZE.tif RED=$DATA/red_$SIZE.tif NIR=$DATA/nir_$SIZE.tif
[ -f "$DEM" ] && [ -f "$RED" ] && [ -f "$NIR" ] || bash /work/shared/bench/make_dem.sh "$SIZE" "$DATA"
jobs/rastermill --version >/dev/null   # builds once if needed, outside the timings
[ -z "$BASE_HOME" ] || "$BASE_HOME/jobs/rastermill" --version >/dev/null
# each launcher's class-data-sharing archive from an untimed small run of the first case (see cds-warm.sh)
. src/test/bench/cds-warm.sh
for home in "$HERE" ${BASE_HOME:+"$BASE_HOME"}; do
  cds_warm "$home" "${CASES%%,*}" "$DEM" "$RED" "$NIR"
done
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"
LOG=$OUT/runs.tsv
: > "$LOG"

# rastermill HOME CASE OUTFILE: one of our runs with the launcher of checkout HOME
rastermill() {
  local home=$1 case=$2 out=$3
  # shellcheck disable=SC2086
  [ "$home" = "$HERE" ] && set -- "$out" $RM_ARGS || set -- "$out"
  case $case in
    slope_cog) "$home/jobs/rastermill" --conf spark.master='local[2]' slope "$DEM" "$@" --quiet ;;
    slope_none) "$home/jobs/rastermill" --conf spark.master='local[2]' slope "$DEM" "$@" --quiet --overviews none --no-cog ;;
    ndvi) "$home/jobs/rastermill" --conf spark.master='local[2]' calc --expr '(B - A) / (B + A)' -A "$RED" -B "$NIR" \
            "$@" --type Float32 --quiet --overviews none --no-cog ;;
  esac
}
gdal() {
  local case=$1 out=$2
  case $case in
    slope_cog) gdaldem slope -q "$DEM" "$out" -of COG -co COMPRESS=DEFLATE -co PREDICTOR=YES -co NUM_THREADS=2 \
                 -co BIGTIFF=IF_SAFER --config GDAL_NUM_THREADS 2 ;;
    slope_none) gdaldem slope -q "$DEM" "$out" -of GTiff -co TILED=YES -co BLOCKXSIZE=512 -co BLOCKYSIZE=512 \
                  -co COMPRESS=DEFLATE -co PREDICTOR=3 -co BIGTIFF=IF_SAFER ;;
    ndvi) gdal_calc.py --quiet -A "$RED" -B "$NIR" --calc='(B.astype(numpy.float32)-A)/(B.astype(numpy.float32)+A)' \
            --type=Float32 --NoDataValue=-9999 --outfile="$out" --co TILED=YES --co BLOCKXSIZE=512 --co BLOCKYSIZE=512 \
            --co COMPRESS=DEFLATE --co PREDICTOR=3 --co BIGTIFF=IF_SAFER --co NUM_THREADS=2 --overwrite ;;
  esac
}
export DEM RED NIR HERE RM_ARGS
export -f rastermill gdal
# timed WHO CASE COMMAND...: runs it under time -v, appends "case who wall cpu rssMiB bytes load" to the log
timed() {
  local who=$1 case=$2; shift 2
  local out=$OUT/$case.$who.tif
  rm -f "$out"; sync
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o "$OUT/time.txt" bash -c '"$@"' _ "$@" "$out" >/dev/null 2>"$OUT/$case.$who.err" \
    || { cat "$OUT/$case.$who.err" "$OUT/time.txt" >&2; exit 1; }
  awk -v c="$case" -v w="$who" -v b="$(stat -c %s "$out")" -v l="$load" -F': ' '
    /User time/ {u=$2} /System time/ {s=$2} /Maximum resident/ {m=$2}
    /Elapsed/ {n=split($2, t, ":"); e=0; for (i=1; i<=n; i++) e=e*60+t[i]}
    END {printf "%s\t%s\t%.2f\t%.2f\t%.0f\t%d\t%s\n", c, w, e, u+s, m/1024, b, l}' "$OUT/time.txt" | tee -a "$LOG"
}
printf 'case\twho\twall_s\tcpu_s\trss_MiB\tbytes\tload1\n'
for i in $(seq "$PASSES"); do
  for case in ${CASES//,/ }; do
    timed ours "$case" rastermill "$HERE" "$case"
    [ -z "$BASE_HOME" ] || timed base "$case" rastermill "$BASE_HOME" "$case"
    timed gdal "$case" gdal "$case"
  done
done
for case in ${CASES//,/ }; do
  tol=1e-3; [ "$case" = ndvi ] && tol=1e-6
  /usr/bin/python3 src/test/bench/compare_cells.py "$OUT/$case.ours.tif" "$OUT/$case.gdal.tif" "$tol" \
    | sed "s/^/$case ours vs gdal: /"
  if [ -n "$BASE_HOME" ]; then
    cmp -s "$OUT/$case.ours.tif" "$OUT/$case.base.tif" && echo "$case: byte-equal to the baseline build" \
      || echo "$case: DIFFERS from the baseline build"
  fi
done
echo "medians (of $PASSES):"
awk -F'\t' '{k=$1 "\t" $2; n[k]++; w[k, n[k]]=$3; c[k, n[k]]=$4; r[k, n[k]]=$5; b[k]=$6; l[k]=l[k] " " $7}
  function med(a, k, m,   i, j, t, v) { for (i=1; i<=m; i++) v[i]=a[k, i];
    for (i=1; i<=m; i++) for (j=i+1; j<=m; j++) if (v[j] < v[i]) {t=v[i]; v[i]=v[j]; v[j]=t}; return v[int((m+1)/2)] }
  END { for (k in n) { split(k, p, "\t"); mw[k]=med(w, k, n[k]); mc[k]=med(c, k, n[k]);
          printf "%-10s %-4s wall %6.1f s  cpu %6.1f s  rss %5.0f MiB  size %6.1f MiB  load%s\n", p[1], p[2], mw[k], mc[k],
            med(r, k, n[k]), b[k] / 1048576, l[k] }
        for (k in n) { split(k, p, "\t"); if (p[2] == "ours") { g=p[1] "\tgdal";
          printf "%-10s gdal/ours: cpu %.2f, wall %.2f, size ours/gdal %.3f\n", p[1], mc[g] / mc[k], mw[g] / mw[k], b[k] / b[g] } } }' "$LOG" | sort
