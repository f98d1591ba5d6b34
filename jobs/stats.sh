#!/usr/bin/env bash
# Statistics job: min, max, mean, stddev (as gdalinfo -stats), gdalinfo's 256-bucket histogram and
# percentiles of a raster band, as Spark reductions; JSON on stdout (the driver's stdout on a cluster).
#
#   jobs/stats.sh DEM                              # --master local[*]
#   MASTER=spark://master:7077 jobs/stats.sh hdfs:///dem/dem.tif > dem-stats.json
#
# What runs: the spark-submit line of jobs/terrain.sh with the arguments
#   ... <r>/target/rastermill-<version>.jar stats DEM --json --histogram --percentiles 5,50,95
# (DRY_RUN=1 prints it exactly). Environment: see jobs/_submit.sh.
source "$(dirname "${BASH_SOURCE[0]}")/_submit.sh"
[ $# -ge 1 ] || { echo "usage: jobs/stats.sh RASTER [stats options]" >&2; exit 2; }
submit_command stats "$1" --json --histogram --percentiles 5,50,95 "${@:2}"
