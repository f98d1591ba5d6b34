# Sourced by phase-profile.sh and alloc-profile.sh: what a flight-recorded benchmark run needs. Call from the project
# root, after `set -euo pipefail`.
#   jfr_setup NAME SIZE   the benchmark rasters of SIZE (DEM, RED, NIR under DATA=/tmp/bench/data, made once), the
#                         JDK's jfr tool (JFR, or found beside java), a built launcher, a scratch directory OUT
#   jfr_record SETTINGS ARGS...   one local[2] run of `jobs/rastermill ARGS...` recorded to $OUT/rec.jfr with the JFR
#                         settings SETTINGS (a name or a .jfc file), under /usr/bin/time; sets user, sys, wall, rss
#                         (KiB) and load (the load average before the run)

jfr_setup() {
  local name=$1 size=$2
  DATA=${DATA:-/tmp/bench/data}
  DEM=$DATA/dem_$size.tif RED=$DATA/red_$size.tif NIR=$DATA/nir_$size.tif
  [ -f "$DEM" ] && [ -f "$RED" ] && [ -f "$NIR" ] || bash /work/shared/bench/make_dem.sh "$size" "$DATA"
  JFR=${JFR:-$(dirname "$(readlink -f "$(command -v java)")")/jfr}
  [ -x "$JFR" ] || { echo "$name: no jfr tool at $JFR (set JFR=)" >&2; exit 1; }
  jobs/rastermill --version >/dev/null # builds once if needed, outside the timings
  OUT=$(mktemp -d)
  trap 'rm -rf "$OUT"' EXIT
}

jfr_record() {
  local settings=$1
  shift
  rm -f "$OUT/out.tif" "$OUT/rec.jfr"
  load=$(cut -d' ' -f1 /proc/loadavg)
  RASTERMILL_JAVA_OPTS="-XX:StartFlightRecording=filename=$OUT/rec.jfr,settings=$settings ${RASTERMILL_JAVA_OPTS:-}" \
    /usr/bin/time -f "%U %S %e %M" -o "$OUT/time" jobs/rastermill --conf spark.master='local[2]' "$@" \
    >/dev/null 2>"$OUT/err" || { cat "$OUT/err" >&2; exit 1; }
  read -r user sys wall rss < "$OUT/time"
}
