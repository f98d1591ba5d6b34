package io.rastermill.spark.sql;

import io.rastermill.core.tile.Tile;

/** Counts, extremes and sum of one tile's data cells, for the per-tile SQL functions. */
record TileSummary(long dataCells, long noDataCells, Double min, Double max, Double sum) {

    Double mean() {
        return dataCells == 0 ? null : sum / dataCells;
    }

    static TileSummary of(Tile t) {
        double[] v = t.toDoubleLane();
        long n = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                n++;
                sum += x;
                if (x < min) {
                    min = x;
                }
                if (x > max) {
                    max = x;
                }
            }
        }
        return n == 0 ? new TileSummary(0, v.length, null, null, null) : new TileSummary(n, v.length - n, min, max, sum);
    }
}
