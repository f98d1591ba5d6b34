#!/usr/bin/env bash
# Band-math job: NDVI = (NIR - RED) / (NIR + RED) from two single-band rasters on the same grid, Float32 COG.
#
#   jobs/calc.sh RED.tif NIR.tif NDVI.tif            # --master local[*]
#   MASTER=spark://master:7077 jobs/calc.sh hdfs:///s2/B04.tif hdfs:///s2/B08.tif hdfs:///out/ndvi.tif
#   EXPR="(A - B) / 2" jobs/calc.sh A.tif B.tif OUT.tif   # any expression over A and B
#
# What runs: the spark-submit line of jobs/terrain.sh with the arguments
#   ... <r>/target/rastermill-<version>.jar calc --expr "(B - A) / (B + A)" -A RED.tif -B NIR.tif NDVI.tif --type float32
# (DRY_RUN=1 prints it exactly). Environment: see jobs/_submit.sh.
source "$(dirname "${BASH_SOURCE[0]}")/_submit.sh"
[ $# -ge 3 ] || { echo "usage: jobs/calc.sh A.tif B.tif OUT.tif [calc options]" >&2; exit 2; }
submit_command calc --expr "${EXPR:-(B - A) / (B + A)}" -A "$1" -B "$2" "$3" --type float32 "${@:4}"
