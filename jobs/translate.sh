#!/usr/bin/env bash
# Translate job: re-encode a GeoTIFF as a COG (compression, predictor, block size, overviews) from the executors.
#
#   jobs/translate.sh IN.tif OUT.tif [--compress zstd --level 9 --block 512 --overviews auto]
#   MASTER=spark://master:7077 jobs/translate.sh hdfs:///raw/scene.tif s3a://bucket/cog/scene.tif
#
# What runs: the spark-submit line of jobs/terrain.sh with the arguments
#   ... <r>/target/rastermill-<version>.jar translate IN.tif OUT.tif --cog
# (DRY_RUN=1 prints it exactly). Without an option, compression and block size come from
# conf/rastermill.properties. Environment: see jobs/_submit.sh.
source "$(dirname "${BASH_SOURCE[0]}")/_submit.sh"
[ $# -ge 2 ] || { echo "usage: jobs/translate.sh IN OUT [translate options]" >&2; exit 2; }
submit_command translate "$1" "$2" --cog "${@:3}"
