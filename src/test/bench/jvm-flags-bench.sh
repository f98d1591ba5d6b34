#!/usr/bin/env bash
# JVM flag sets side by side on one job: each pass runs every set once (alternating, so load changes hit all alike),
# under /usr/bin/time; prints per run and as medians the CPU seconds (user+sys; the machine is shared, so wall time
# says little), wall and max RSS, and checks every set's output is byte-equal to the first set's.
#   src/test/bench/jvm-flags-bench.sh [CASE] [SIZE] [PASSES]     (default slope 8192 3; DATA=/tmp/bench/data)
#   FLAGS='base=|fast=-XX:+UseParallelGC -XX:TieredStopAtLevel=1'  NAME=OPTIONS sets separated by '|'; the options
#          go to RASTERMILL_JAVA_OPTS, on top of the launcher's own (conf/jvm-options, CDS archive)
# Cases: slope (defaults: COG, overviews), slope_none (--overviews none --no-cog), ndvi (calc to Float32, no
# overviews), all on local[2].
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
CASE=${1:-slope}
SIZE=${2:-8192}
PASSES=${3:-3}
FLAGS=${FLAGS:-base=|fast=-XX:+UseParallelGC -XX:TieredStopAtLevel=1}
DATA=${DATA:-/tmp/bench/data}
DEM=$DATA/dem_$SIZE.tif RED=$DATA/red_$SIZE.tif NIR=$DATA/nir_$SIZE.tif
[ -f "$DEM" ] && [ -f "$RED" ] && [ -f "$NIR" ] || bash /work/shared/bench/make_dem.sh "$SIZE" "$DATA"
case $CASE in
  slope) args=(slope "$DEM" --quiet) ;;
  slope_none) args=(slope "$DEM" --quiet --overviews none --no-cog) ;;
  ndvi) args=(calc --expr '(B - A) / (B + A)' -A "$RED" -B "$NIR" --type Float32 --quiet --overviews none --no-cog) ;;
  *) echo "jvm-flags-bench: unknown case $CASE (slope, slope_none, ndvi)" >&2; exit 2 ;;
esac
jobs/rastermill --version >/dev/null          # builds once if needed, outside the timings
. src/test/bench/cds-warm.sh                   # the class-data-sharing archive from a small run of CASE, untimed
cds_warm "$(pwd)" "$CASE" "$DEM" "$RED" "$NIR"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
IFS='|' read -r -a sets <<< "$FLAGS"
printf 'set\tpass\tcpu_s\twall_s\trss_MiB\tload1\n'
for pass in $(seq "$PASSES"); do
  for set in "${sets[@]}"; do
    name=${set%%=*} opts=${set#*=}
    out=$OUT/$name.tif
    rm -f "$out"
    load=$(cut -d' ' -f1 /proc/loadavg)
    RASTERMILL_JAVA_OPTS="$opts" /usr/bin/time -f "%U %S %e %M" -o "$OUT/time" \
      jobs/rastermill --conf spark.master='local[2]' "${args[@]}" "$out" >/dev/null 2>"$OUT/err" \
      || { echo "jvm-flags-bench: set $name failed:" >&2; cat "$OUT/err" >&2; exit 1; }
    read -r user sys wall rss < "$OUT/time"
    printf '%s\t%d\t%.2f\t%s\t%d\t%s\n' "$name" "$pass" "$(echo "$user + $sys" | bc)" "$wall" $((rss / 1024)) "$load" \
      | tee -a "$OUT/runs.tsv"
  done
  first=${sets[0]%%=*}
  for set in "${sets[@]:1}"; do
    cmp -s "$OUT/$first.tif" "$OUT/${set%%=*}.tif" || { echo "jvm-flags-bench: ${set%%=*}'s output differs from $first's" >&2; exit 1; }
  done
done
echo "medians of $PASSES ($CASE, ${SIZE}², outputs byte-equal):"
awk -F'\t' '{n[$1]++; c[$1, n[$1]]=$3; w[$1, n[$1]]=$4; if (!($1 in order)) {order[$1]=++k; names[k]=$1}}
  function med(a, s, m,   i, j, t, v) { for (i=1; i<=m; i++) v[i]=a[s, i];
    for (i=1; i<=m; i++) for (j=i+1; j<=m; j++) if (v[j] < v[i]) {t=v[i]; v[i]=v[j]; v[j]=t}; return v[int((m+1)/2)] }
  END { base=med(c, names[1], n[names[1]]);
        for (i=1; i<=k; i++) { s=names[i]; m=med(c, s, n[s]);
          printf "  %-10s cpu %6.2f s  wall %6.1f s  cpu %s/%s %.2fx\n", s, m, med(w, s, n[s]), names[1], s, base / m } }' \
  "$OUT/runs.tsv"
