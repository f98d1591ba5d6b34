#!/usr/bin/env bash
# Rastermill next to GeoTrellis 3.7.1 in one Spark session (local[2]): GeoTrellis's own focal Slope, an NDVI local
# op and its layer histogram/statistics vs ours on the same files (GeoTrellisBench, test scope, default Spark 3.5
# profile only). Passes alternate inside the JVM; prints per run wall and process CPU seconds, then medians and
# GeoTrellis/ours ratios, and the largest cell difference on one inner tile (stats: both sides' values). Both sides
# run in the same warm JVM, so start-up is not in either. RASTERMILL_JAVA_OPTS reaches the JVM (e.g. -Xmx).
#   src/test/bench/geotrellis-bench.sh [SIZE] [PASSES] [CASES]    (default 16384 3 "slope ndvi stats"; DATA=/tmp/bench/data)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
SIZE=${1:-16384}
PASSES=${2:-3}
CASES=${3:-slope ndvi stats}
DATA=${DATA:-/tmp/bench/data}
DEM=$DATA/dem_$SIZE.tif RED=$DATA/red_$SIZE.tif NIR=$DATA/nir_$SIZE.tif
[ -f "$DEM" ] && [ -f "$RED" ] && [ -f "$NIR" ] || bash /work/shared/bench/make_dem.sh "$SIZE" "$DATA"
[ -f target/test-classes/io/rastermill/bench/GeoTrellisBench.class ] || mvn -o -q -B -DskipTests test-compile
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
mvn -o -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
opens=$(grep -v '^#' conf/jvm-options | tr '\n' ' ')
for case in $CASES; do
  case $case in
    slope | stats) files=("$DEM") ;;
    ndvi) files=("$RED" "$NIR") ;;
    *) echo "geotrellis-bench: unknown case $case (slope, ndvi, stats)" >&2; exit 2 ;;
  esac
  echo "$case ${SIZE}², load $(cut -d' ' -f1 /proc/loadavg)"
  # shellcheck disable=SC2086  # the JVM options are a list
  java $opens -Dlog4j2.configurationFile=conf/log4j2.properties ${RASTERMILL_JAVA_OPTS:-} \
    -cp "target/test-classes:target/classes:$(cat "$OUT/cp.txt")" io.rastermill.bench.GeoTrellisBench \
    "$case" "$OUT/$case" "$PASSES" "${files[@]}" 2>"$OUT/err" | tee "$OUT/$case.tsv" \
    || { tail -30 "$OUT/err" >&2; exit 1; }
  awk -F'\t' 'NF == 5 {n[$2]++; w[$2, n[$2]]=$4; c[$2, n[$2]]=$5}
    function med(a, s, m,   i, j, t, v) { for (i=1; i<=m; i++) v[i]=a[s, i];
      for (i=1; i<=m; i++) for (j=i+1; j<=m; j++) if (v[j] < v[i]) {t=v[i]; v[i]=v[j]; v[j]=t}; return v[int((m+1)/2)] }
    END { for (s in n) { mw[s]=med(w, s, n[s]); mc[s]=med(c, s, n[s]); printf "  %-10s median wall %6.2f s, cpu %6.2f s\n", s, mw[s], mc[s] }
          printf "  GeoTrellis/ours: wall %.2fx, cpu %.2fx\n", mw["geotrellis"] / mw["rastermill"], mc["geotrellis"] / mc["rastermill"] }' \
    "$OUT/$case.tsv"
  echo "  load at end $(cut -d' ' -f1-3 /proc/loadavg)"
done
