#!/bin/bash
# Heap and RSS of one command in local mode under a given heap (issue 13's memory goal: 32768² slope in 3 GiB).
#   src/test/bench/memory-bench.sh HEAP DEM [COMMAND]      e.g. memory-bench.sh 3g /tmp/mem/data/dem_32768.tif
# COMMAND defaults to slope (the defaults: COG + overviews); 'warp' reprojects to EPSG:4326 bilinear. Prints the exit
# code, wall / user / sys seconds and max RSS (/usr/bin/time), and from the GC log (-Xlog:gc) the largest heap left
# live after a full GC, the largest heap used before a GC and the largest committed heap. One run: memory figures
# are stable from run to run, wall times on a loaded box are not. The output goes to a temporary directory.
set -euo pipefail
HEAP=${1:?heap, e.g. 3g}
DEM=${2:?DEM GeoTIFF}
CMD=${3:-slope}
HERE=$(cd "$(dirname "$0")/../../.." && pwd)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
case "$CMD" in
  slope) args=(slope "$DEM" "$OUT/out.tif") ;;
  warp) args=(warp -t_srs EPSG:4326 -r bilinear "$DEM" "$OUT/out.tif") ;;
  *) echo "unknown command $CMD (slope or warp)" >&2; exit 2 ;;
esac
"$HERE/jobs/rastermill" --version >/dev/null   # builds once if needed, outside the measurement
. "$HERE/src/test/bench/cds-warm.sh"   # the class-data-sharing archive from a small slope, as users have it
cds_warm "$HERE" file "$DEM"
status=0
RASTERMILL_JAVA_OPTS="-Xlog:gc:file=$OUT/gc.log ${RASTERMILL_JAVA_OPTS:-}" /usr/bin/time -o "$OUT/time" -f '%e %U %S %M' \
  "$HERE/jobs/rastermill" --driver-memory "$HEAP" --conf spark.master='local[2]' "${args[@]}" --quiet 2> "$OUT/err" || status=$?
grep '^rastermill:' "$OUT/err" || true
read -r wall user sys rss < "$OUT/time"
largest() { grep -o "$1" "$OUT/gc.log" | tr -dc '0-9\n' | sort -n | tail -1; }
printf '%s %s heap %s: exit %d, %s s wall, %s user + %s sys CPU-s, max RSS %d MiB; live after full GC %s MiB, used before GC %s MiB, committed %s MiB\n' \
  "$CMD" "$(basename "$DEM")" "$HEAP" "$status" "$wall" "$user" "$sys" $((rss / 1024)) \
  "$(grep 'Pause Full' "$OUT/gc.log" | grep -o '>[0-9]*M(' | tr -dc '0-9\n' | sort -n | tail -1 || true)" \
  "$(largest ' [0-9]*M->')" "$(largest '([0-9]*M)')"
