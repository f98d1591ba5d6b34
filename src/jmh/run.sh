#!/usr/bin/env bash
# JMH micro-benchmarks of the hot kernels (src/jmh/java): predictors 2 and 3 and segment decoding (Java and native), segment copy, calc programs,
# gdaldem's Horn slope on a tile, the 256-bucket histogram. Builds into target/jmh (the normal build is untouched),
# then runs JMH with your arguments, e.g.
#   src/jmh/run.sh                          # all, 1 fork, 3 x 1 s warm-up, 5 x 1 s measurement each
#   src/jmh/run.sh PredictorBench -prof gc  # one class, with allocation figures
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -o -q -Pspark3,jmh -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/jmh/classpath.txt >/dev/null
exec java -cp "target/jmh/test-classes:target/jmh/classes:$(cat target/jmh/classpath.txt)" org.openjdk.jmh.Main "$@"
