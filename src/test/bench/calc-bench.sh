#!/usr/bin/env bash
# NDVI end to end, Rastermill calc on local[2] vs gdal_calc.py: the ndvi case of defaults-bench.sh, which runs both the
# same way (GDAL with --co NUM_THREADS=2, both without overviews, alternating under /usr/bin/time -v, cells compared
# within 1e-6, sizes). This script used to time its own pair and its 1.54x did not reproduce under defaults-bench:
# its gdal_calc.py ran on one thread with float64 math (BASELINE.md: 26.3 s vs 17.2 s with NUM_THREADS=2, alone a
# factor 1.53), so the two compared ours with different GDAL runs. Now there is one NDVI benchmark.
#   src/test/bench/calc-bench.sh [SIZE] [PASSES]      (OUT, DATA, BASE_HOME, RM_ARGS as in defaults-bench.sh)
set -euo pipefail
CASES=ndvi exec "$(dirname "${BASH_SOURCE[0]}")/defaults-bench.sh" "$@"
