#!/usr/bin/env bash
# S3 against local files and against GDAL on S3: a local S3 server (jobs/local-s3: S3Proxy, filesystem backend under
# $S3BENCH, default /tmp/s3bench) holds the benchmark rasters of ../shared/bench/make_dem.sh, uploaded through S3
# (GDAL's /vsis3/ writer, PUT or multipart); then, alternating PASSES times per case, each under /usr/bin/time with the
# load average beside it:
#   ours s3      jobs/rastermill ... s3a://bench/in/... -> s3a://bench/out/...   (S3A, local[2])
#   ours local   the same command on the local files -> a local file
#   gdal s3      GDAL 3.6 /vsis3/ -> /vsis3/ (AWS_S3_ENDPOINT, AWS_HTTPS=NO, AWS_VIRTUAL_HOSTING=FALSE). GDAL's GTiff
#                writer needs random access, which /vsis3/ does not give: it writes with
#                CPL_VSIL_USE_TEMP_FILE_FOR_RANDOM_WRITE=YES (a local temporary file, uploaded when closed).
# Cases:
#   slope  slope DEM OUT --overviews none                 vs gdaldem slope, 1 thread, tiled 512 DEFLATE PREDICTOR=3
#   ndvi   calc (B - A) / (B + A) --type Float32 --overviews none
#                                                         vs gdal_calc.py, the same creation options, NUM_THREADS=2
# Prints per run and as medians: wall s and CPU s (user+sys of the command; the S3 server's own CPU beside it, since
# it serves both tools), the ratios, the bytes the server sent for each tool's reads (from /proc/PID/io of S3Proxy in
# a read-only run: S3 in, local out) against the objects' sizes, and how the outputs agree (ours on S3 byte-equal to
# ours on local files; ours vs GDAL, largest cell difference). Ends with a table for the README.
#   src/test/bench/s3-bench.sh [SIZE] [PASSES]        (default 8192, 3)
#   CASES=slope,ndvi   DATA=/tmp/bench/data   S3BENCH=/tmp/s3bench   PORT=(a free one)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
SIZE=${1:-8192}
PASSES=${2:-3}
DATA=${DATA:-/tmp/bench/data}
ROOT=${S3BENCH:-/tmp/s3bench}
CASES=${CASES:-slope,ndvi}
DEM=$DATA/dem_$SIZE.tif RED=$DATA/red_$SIZE.tif NIR=$DATA/nir_$SIZE.tif
[ -f "$DEM" ] && [ -f "$RED" ] && [ -f "$NIR" ] || bash /work/shared/bench/make_dem.sh "$SIZE" "$DATA"
jobs/rastermill --version >/dev/null   # builds once if needed, outside the timings
. src/test/bench/cds-warm.sh              # the class-data-sharing archive from a small slope, untimed
cds_warm "$(pwd)" slope "$DEM" "$RED" "$NIR"

rm -rf "$ROOT"
mkdir -p "$ROOT/store" "$ROOT/local"
LOG=$ROOT/runs.tsv
: > "$LOG"
BUCKET=bench
OBJ=$ROOT/store/$BUCKET   # S3Proxy's filesystem backend: object KEY is the file $OBJ/KEY
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret
PORT=${PORT:-$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
jobs/local-s3 --port "$PORT" --data "$ROOT/store" --bucket "$BUCKET" > "$ROOT/local-s3.log" 2>&1 &
S3PID=$!   # jobs/local-s3 execs S3Proxy's JVM: this is the server's process
trap 'kill "$S3PID" 2>/dev/null || true; wait "$S3PID" 2>/dev/null || true' EXIT
for _ in $(seq 900); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
  kill -0 "$S3PID" 2>/dev/null || { cat "$ROOT/local-s3.log" >&2; exit 1; }
  sleep 0.2
done
curl -s -o /dev/null "http://127.0.0.1:$PORT/" || { echo "S3Proxy did not answer on port $PORT" >&2; exit 1; }

# GDAL's /vsis3/ settings for this server; read-only opens need no directory listing.
export AWS_S3_ENDPOINT=127.0.0.1:$PORT AWS_HTTPS=NO AWS_VIRTUAL_HOSTING=FALSE AWS_REGION=us-east-1
export GDAL_DISABLE_READDIR_ON_OPEN=EMPTY_DIR
S3A=(--conf spark.master='local[2]' --conf spark.hadoop.fs.s3a.endpoint="http://127.0.0.1:$PORT"
  --conf spark.hadoop.fs.s3a.endpoint.region=us-east-1 --conf spark.hadoop.fs.s3a.path.style.access=true
  --conf spark.hadoop.fs.s3a.connection.ssl.enabled=false)

t0=$(date +%s.%N)
/usr/bin/python3 - "$BUCKET" "$DEM" "$RED" "$NIR" <<'PY'
import os, sys
from osgeo import gdal
gdal.UseExceptions()
bucket = sys.argv[1]
for path in sys.argv[2:]:
    out = gdal.VSIFOpenL(f"/vsis3/{bucket}/in/{os.path.basename(path)}", "wb")
    if out is None:
        sys.exit(f"cannot write /vsis3/{bucket}/in/{os.path.basename(path)}")
    with open(path, "rb") as f:
        while chunk := f.read(16 << 20):
            gdal.VSIFWriteL(chunk, 1, len(chunk), out)
    if gdal.VSIFCloseL(out) != 0:
        sys.exit(f"the upload of {path} failed")
PY
for f in "$DEM" "$RED" "$NIR"; do
  cmp -s "$f" "$OBJ/in/$(basename "$f")" || { echo "the upload of $f differs from the file" >&2; exit 1; }
done
printf 'uploaded %s MiB through S3 in %.1f s (load %s)\n' \
  "$(du -cm "$DEM" "$RED" "$NIR" | tail -1 | cut -f1)" "$(echo "$(date +%s.%N) - $t0" | bc -l)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"

S3DEM=in/$(basename "$DEM") S3RED=in/$(basename "$RED") S3NIR=in/$(basename "$NIR")
GTIFF=(-co TILED=YES -co BLOCKXSIZE=512 -co BLOCKYSIZE=512 -co COMPRESS=DEFLATE -co PREDICTOR=3 -co BIGTIFF=IF_SAFER)
# run WHO CASE IN_PREFIX OUT: the command of WHO (ours_s3, ours_local, gdal_s3) for CASE, reading from IN_PREFIX
# (s3a://bench/, /vsis3/bench/ or "" for the local files) and writing OUT
run() {
  local who=$1 case=$2 in=$3 out=$4 dem red nir
  if [ -z "$in" ]; then dem=$DEM red=$RED nir=$NIR; else dem=$in$S3DEM red=$in$S3RED nir=$in$S3NIR; fi
  case $who:$case in
    ours*:slope) jobs/rastermill "${S3A[@]}" slope "$dem" "$out" --overviews none --quiet ;;
    ours*:ndvi) jobs/rastermill "${S3A[@]}" calc --expr '(B - A) / (B + A)' -A "$red" -B "$nir" "$out" \
                  --type Float32 --overviews none --quiet ;;
    gdal*:slope) gdaldem slope -q "$dem" "$out" -of GTiff "${GTIFF[@]}" \
                   --config CPL_VSIL_USE_TEMP_FILE_FOR_RANDOM_WRITE YES ;;
    gdal*:ndvi) CPL_VSIL_USE_TEMP_FILE_FOR_RANDOM_WRITE=YES gdal_calc.py --quiet -A "$red" -B "$nir" \
                  --calc='(B.astype(numpy.float32)-A)/(B.astype(numpy.float32)+A)' --type=Float32 --NoDataValue=-9999 \
                  --outfile="$out" --co TILED=YES --co BLOCKXSIZE=512 --co BLOCKYSIZE=512 --co COMPRESS=DEFLATE \
                  --co PREDICTOR=3 --co BIGTIFF=IF_SAFER --co NUM_THREADS=2 --overwrite ;;
  esac
}
# where WHO CASE: "IN_PREFIX OUT_URI OUT_FILE" of WHO's timed run of CASE ("-": the local files)
where() {
  case $1 in
    ours_s3) echo "s3a://$BUCKET/ s3a://$BUCKET/out/$2.ours.tif $OBJ/out/$2.ours.tif" ;;
    ours_local) echo "- $ROOT/local/$2.ours.tif $ROOT/local/$2.ours.tif" ;;
    gdal_s3) echo "/vsis3/$BUCKET/ /vsis3/$BUCKET/out/$2.gdal.tif $OBJ/out/$2.gdal.tif" ;;
  esac
}
# run and what it needs, for the bash that /usr/bin/time starts (arrays cannot be exported)
RUN="$(declare -f run); $(declare -p DEM RED NIR S3DEM S3RED S3NIR S3A GTIFF);"
TICK=$(getconf CLK_TCK)
server_cpu() { awk -v t="$TICK" '{printf "%.2f", ($14 + $15) / t}' "/proc/$S3PID/stat"; }
server_sent() { awk '/^wchar/ {print $2}' "/proc/$S3PID/io"; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# timed WHO CASE: one timed run; appends "case who wall cpu server_cpu load1" to the log and prints it
timed() {
  local who=$1 case=$2 in uri file load sc
  read -r in uri file <<< "$(where "$who" "$case")"
  [ "$in" = - ] && in=""
  rm -f "$file"; sync
  load=$(cut -d' ' -f1 /proc/loadavg); sc=$(server_cpu)
  /usr/bin/time -f '%e %U %S' -o "$ROOT/time" bash -c "$RUN"' run "$@"' _ "$who" "$case" "$in" "$uri" \
    >/dev/null 2>"$ROOT/err" || { cat "$ROOT/err" >&2; exit 1; }
  [ -s "$file" ] || { echo "$who $case wrote no $file" >&2; exit 1; }
  awk -v c="$case" -v w="$who" -v s="$(echo "$(server_cpu) - $sc" | bc -l)" -v l="$load" \
    '{printf "%s\t%s\t%.2f\t%.2f\t%.2f\t%s\n", c, w, $1, $2 + $3, s, l}' "$ROOT/time" | tee -a "$LOG"
}

printf 'case\twho\twall_s\tcpu_s\tserver_cpu_s\tload1\n'
for i in $(seq "$PASSES"); do
  for case in ${CASES//,/ }; do
    for who in ours_s3 ours_local gdal_s3; do timed "$who" "$case"; done
  done
done

echo "bytes the S3 server sent for one read-only run (S3 in, a local file out), against the objects read:"
for case in ${CASES//,/ }; do
  [ "$case" = slope ] && objects=$(stat -c %s "$OBJ/$S3DEM") || objects=$(( $(stat -c %s "$OBJ/$S3RED") + $(stat -c %s "$OBJ/$S3NIR") ))
  for who in ours gdal; do
    [ "$who" = ours ] && in=s3a://$BUCKET/ || in=/vsis3/$BUCKET/
    rm -f "$ROOT/local/$case.readonly.tif"
    before=$(server_sent)
    run "${who}_s3" "$case" "$in" "$ROOT/local/$case.readonly.tif" >/dev/null 2>"$ROOT/err" \
      || { cat "$ROOT/err" >&2; exit 1; }
    sent=$(( $(server_sent) - before ))
    printf '%-6s %-5s %12d bytes sent for %12d bytes of objects (%.2fx)\n' "$case" "$who" "$sent" "$objects" \
      "$(echo "$sent / $objects" | bc -l)"
  done
done

echo "outputs:"
for case in ${CASES//,/ }; do
  tol=1e-3; [ "$case" = ndvi ] && tol=1e-6
  if cmp -s "$OBJ/out/$case.ours.tif" "$ROOT/local/$case.ours.tif"; then
    echo "$case: ours on S3 is byte-equal to ours on local files"
  else
    /usr/bin/python3 src/test/bench/compare_cells.py "$OBJ/out/$case.ours.tif" "$ROOT/local/$case.ours.tif" 0 \
      | sed "s/^/$case: ours on S3 DIFFERS in bytes from ours on local files; cells: /"
  fi
  /usr/bin/python3 src/test/bench/compare_cells.py "$ROOT/local/$case.ours.tif" "$OBJ/out/$case.gdal.tif" "$tol" \
    | sed "s/^/$case ours vs gdal: /" || true
done

echo "medians of $PASSES passes, ${SIZE}² (load1 of each run in brackets):"
for case in ${CASES//,/ }; do
  for who in ours_s3 ours_local gdal_s3; do
    mapfile -t rows < <(awk -F'\t' -v c="$case" -v w="$who" '$1 == c && $2 == w' "$LOG")
    w=(); c=(); s=(); l=()
    for r in "${rows[@]}"; do IFS=$'\t' read -r _ _ a b d e <<< "$r"; w+=("$a"); c+=("$b"); s+=("$d"); l+=("$e"); done
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$case" "$who" "$(median "${w[@]}")" "$(median "${c[@]}")" "$(median "${s[@]}")" \
      "${l[*]}"
  done
done > "$ROOT/medians.tsv"
awk -F'\t' '{printf "%-6s %-10s wall %7.1f s  cpu %7.1f s  server cpu %6.1f s  [%s]\n", $1, $2, $3, $4, $5, $6}' "$ROOT/medians.tsv"
echo
echo "| ${SIZE}² | ours s3a→s3a wall / cpu | ours local→local wall / cpu | GDAL /vsis3/→/vsis3/ wall / cpu | S3 / local (ours, wall) | GDAL / ours on S3, wall; cpu (> 1: ours faster) |"
echo "|---|---|---|---|---|---|"
awk -F'\t' '{w[$1, $2]=$3; c[$1, $2]=$4; if (!($1 in seen)) {seen[$1]=1; order[++n]=$1}}
  END { for (i=1; i<=n; i++) { k=order[i];
    printf "| %s | %.1f / %.1f s | %.1f / %.1f s | %.1f / %.1f s | %.2f× | %.2f×; %.2f× |\n", k,
      w[k, "ours_s3"], c[k, "ours_s3"], w[k, "ours_local"], c[k, "ours_local"], w[k, "gdal_s3"], c[k, "gdal_s3"],
      w[k, "ours_s3"] / w[k, "ours_local"], w[k, "gdal_s3"] / w[k, "ours_s3"], c[k, "gdal_s3"] / c[k, "ours_s3"] } }' \
  "$ROOT/medians.tsv"
