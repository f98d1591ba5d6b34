package io.rastermill.core.zonal;

import java.io.Serializable;
import java.util.Arrays;

/**
 * How a {@link ZoneTable} makes the accumulator of a zone it has not seen yet: statistics only,
 * exact percentiles (integer values), or binned percentiles over each zone's range from a first
 * pass (float values).
 */
public sealed interface ZoneSpec extends Serializable {

    ZoneAccumulator newAccumulator(int zone);

    /** Count, sum, mean, min, max, stddev; no percentiles. */
    static ZoneSpec statistics() {
        return new Stats();
    }

    /** Statistics plus exact percentiles; the values must be an integer raster. */
    static ZoneSpec exactPercentiles() {
        return new Exact();
    }

    /**
     * Statistics plus percentiles within {@code (max − min)/(2·bins)} per zone, {@code [min, max]} the
     * zone's range from a first pass (as {@link ZoneRanges}).
     */
    static ZoneSpec binnedPercentiles(ZoneRanges ranges, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        return new Binned(ranges, bins);
    }

    record Stats() implements ZoneSpec {
        @Override
        public ZoneAccumulator newAccumulator(int zone) {
            return ZoneAccumulator.statistics();
        }
    }

    record Exact() implements ZoneSpec {
        @Override
        public ZoneAccumulator newAccumulator(int zone) {
            return ZoneAccumulator.exact();
        }
    }

    record Binned(ZoneRanges ranges, int bins) implements ZoneSpec {
        @Override
        public ZoneAccumulator newAccumulator(int zone) {
            double[] r = ranges.range(zone);
            return ZoneAccumulator.binned(r[0], r[1], bins);
        }
    }

    /** Each zone's data range [min, max], sorted by zone id; a zone without data has [0, 0]. */
    record ZoneRanges(int[] zones, double[] min, double[] max) implements Serializable {
        public ZoneRanges {
            if (zones.length != min.length || zones.length != max.length) {
                throw new IllegalArgumentException("zone ranges need one min and max per zone");
            }
            for (int i = 1; i < zones.length; i++) {
                if (zones[i - 1] >= zones[i]) {
                    throw new IllegalArgumentException("zone ids must be sorted and distinct");
                }
            }
        }

        /** The range of {@code zone}; a zone the first pass did not see is an error (it cannot happen on the same data). */
        public double[] range(int zone) {
            int i = Arrays.binarySearch(zones, zone);
            if (i < 0) {
                throw new IllegalStateException("zone " + zone + " was not seen by the first pass");
            }
            boolean empty = !(min[i] <= max[i]);
            return empty ? new double[] {0, 0} : new double[] {min[i], max[i]};
        }
    }
}
