# Sourced by the job scripts of jobs/: runs one Rastermill command through spark-submit with this
# checkout's conf/ (spark-defaults.conf as --properties-file; rastermill.properties as --conf), the thin jar
# and target/app-lib as --jars — all done by jobs/rastermill --master. Environment:
#   MASTER           Spark master (default local[*]): spark://host:7077, yarn, k8s://https://host:6443, local[4]
#   SPARK_HOME       a Spark installation: its bin/spark-submit is used (else SparkSubmit from target/lib)
#   DEPLOY_MODE      client (default) or cluster
#   EXECUTOR_MEMORY  e.g. 4g (see README, "Running on a cluster": ~1.5 GiB per core for 512² Float32 tiles)
#   DRIVER_MEMORY    e.g. 2g
#   PROPERTIES       a job properties file (spark.* and rastermill.* keys; wins over conf/, --conf wins over it)
#   DRY_RUN=1        print the exact spark-submit command line instead of running it
# Extra launcher options (--conf k=v, --jars, --debug) go in RASTERMILL_OPTS.
set -euo pipefail

submit_command() {
  local launcher
  launcher="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/rastermill"
  local opts=(--master "${MASTER:-local[*]}")
  [ -n "${SPARK_HOME:-}" ] && opts+=(--submit)
  [ -n "${DEPLOY_MODE:-}" ] && opts+=(--conf "spark.submit.deployMode=$DEPLOY_MODE")
  [ -n "${EXECUTOR_MEMORY:-}" ] && opts+=(--executor-memory "$EXECUTOR_MEMORY")
  [ -n "${DRIVER_MEMORY:-}" ] && opts+=(--driver-memory "$DRIVER_MEMORY")
  [ -n "${PROPERTIES:-}" ] && opts+=(--properties "$PROPERTIES")
  [ "${DRY_RUN:-}" = 1 ] && opts+=(--dry-run)
  # shellcheck disable=SC2206  # RASTERMILL_OPTS is a whitespace-separated list by design
  local extra=(${RASTERMILL_OPTS:-})
  exec "$launcher" "${opts[@]}" "${extra[@]}" "$@"
}
