#!/usr/bin/env bash
# Terrain job: slope of a DEM in degrees (gdaldem's Horn method and options), written as a COG.
#
#   jobs/terrain.sh DEM OUT [slope options, e.g. --z-factor 1 --block 512]
#   MASTER=spark://master:7077 EXECUTOR_MEMORY=6g jobs/terrain.sh hdfs:///dem/dem.tif hdfs:///out/slope.tif
#   DRY_RUN=1 MASTER=yarn SPARK_HOME=/opt/spark jobs/terrain.sh s3a://bucket/dem.tif s3a://bucket/slope.tif
#
# What runs (DRY_RUN=1 prints it exactly; <r> = this checkout; rastermill.properties keys become --conf):
#   $SPARK_HOME/bin/spark-submit --master spark://master:7077 --name rastermill --class io.rastermill.jobs.Main \
#     --properties-file <r>/conf/spark-defaults.conf --executor-memory 6g \
#     --conf spark.rastermill.tile.size=512 --conf spark.rastermill.compression=deflate \
#     --conf spark.rastermill.block.cache.size=96m \
#     --jars <r>/target/app-lib/picocli-4.7.7.jar,<r>/target/app-lib/proj4j-1.4.1.jar,<r>/target/app-lib/proj4j-epsg-1.4.1.jar \
#     --driver-java-options '-Dlog4j.configurationFile=<r>/conf/log4j2.properties -Drastermill.home=<r>' \
#     <r>/target/rastermill-<version>.jar slope hdfs:///dem/dem.tif hdfs:///out/slope.tif
# Other terrain steps take the same arguments: replace "slope" below with aspect, hillshade, tpi, tri, roughness.
# Environment (MASTER, SPARK_HOME, EXECUTOR_MEMORY, ...): see jobs/_submit.sh.
source "$(dirname "${BASH_SOURCE[0]}")/_submit.sh"
[ $# -ge 2 ] || { echo "usage: jobs/terrain.sh DEM OUT [slope options]" >&2; exit 2; }
submit_command slope "$@"
