#!/usr/bin/env bash
# Zonal statistics job: per zone of an integer zone raster, statistics of a value raster on the same grid, as CSV.
#
#   jobs/zonal.sh VALUES.tif ZONES.tif OUT.csv                    # --master local[*]
#   MASTER=spark://master:7077 jobs/zonal.sh hdfs:///dem/dem.tif hdfs:///dem/basins.tif hdfs:///out/basins.csv
#   STATS=count,mean,max jobs/zonal.sh VALUES.tif ZONES.tif OUT.csv
#
# What runs: the spark-submit line of jobs/terrain.sh with the arguments
#   ... <r>/target/rastermill-<version>.jar zonal VALUES.tif ZONES.tif --stats count,min,max,mean,stddev --csv OUT.csv
# (DRY_RUN=1 prints it exactly). Environment: see jobs/_submit.sh.
source "$(dirname "${BASH_SOURCE[0]}")/_submit.sh"
[ $# -ge 3 ] || { echo "usage: jobs/zonal.sh VALUES.tif ZONES.tif OUT.csv [zonal options]" >&2; exit 2; }
submit_command zonal "$1" "$2" --stats "${STATS:-count,min,max,mean,stddev}" --csv "$3" "${@:4}"
