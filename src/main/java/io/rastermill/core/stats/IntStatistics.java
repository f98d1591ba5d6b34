package io.rastermill.core.stats;

import java.io.Serializable;

/**
 * GeoTrellis-style statistics of an exact int histogram ({@code Statistics[Int]} of
 * {@code tile.histogram.statistics()}): data cell count, mean, median (GeoTrellis rule: the first
 * value whose cumulative count exceeds {@code floor(N/2)}), mode (smallest most frequent value),
 * population standard deviation, min and max.
 */
public record IntStatistics(long dataCells, double mean, int median, int mode, double stddev, int min, int max)
        implements Serializable {}
