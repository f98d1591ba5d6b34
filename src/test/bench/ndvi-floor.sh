#!/usr/bin/env bash
# The floor under calc NDVI's time: the same decode, evaluation and encode in one JVM on 2 threads without Spark
# (NdviFloorBenchmark, test scope), with the launcher's JVM options (conf/jvm-options, conf/jvm-local-options), under
# /usr/bin/time; pass 1 is cold as a job is. RASTERMILL_JAVA_OPTS adds options after them (the JVM takes the last). Compare with timeline.sh's run of the job: the rest is Spark, start-up,
# the part files and the driver's assembly.
#   src/test/bench/ndvi-floor.sh [SIZE] [THREADS] [PASSES]     (DATA=/tmp/bench/data)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
SIZE=${1:-16384}
THREADS=${2:-2}
PASSES=${3:-3}
DATA=${DATA:-/tmp/bench/data}
RED=$DATA/red_$SIZE.tif NIR=$DATA/nir_$SIZE.tif
[ -f "$RED" ] && [ -f "$NIR" ] || bash /work/shared/bench/make_dem.sh "$SIZE" "$DATA"
jobs/rastermill --version >/dev/null # target/lib
[ -f target/test-classes/io/rastermill/bench/NdviFloorBenchmark.class ] || mvn -o -q -B test-compile
opts=()
for f in conf/jvm-options conf/jvm-local-options; do
  while IFS= read -r line; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    case $line in ''|'#'*) ;; *) opts+=("$line") ;; esac
  done < "$f"
done
echo "NDVI floor $SIZE², $THREADS threads, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2206  # RASTERMILL_JAVA_OPTS: more options, after (so over) the launcher's
extra=(${RASTERMILL_JAVA_OPTS:-})
/usr/bin/time -f 'whole JVM: wall %e s, CPU %U + %S s, max RSS %M KiB' java "${opts[@]}" "${extra[@]}" \
  -cp "target/test-classes:target/classes:target/lib/*" \
  io.rastermill.bench.NdviFloorBenchmark "$RED" "$NIR" "$THREADS" "$PASSES"
