package io.rastermill.oracle;

import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import java.util.Random;
import scala.Tuple2;
import spire.math.Integral;
import spire.math.Integral$;

/** Conversions between our values and GeoTrellis 3.7.1's, and seeded random inputs shared by the oracle tests. */
final class GeoTrellisValues {

    private GeoTrellisValues() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Integral<Object> LONG = (Integral) Integral$.MODULE$.LongIsIntegral();

    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Integral<Object> INT = (Integral) Integral$.MODULE$.IntIsIntegral();

    static geotrellis.vector.Extent gt(Extent e) {
        return new geotrellis.vector.Extent(e.xmin(), e.ymin(), e.xmax(), e.ymax());
    }

    static Extent ours(geotrellis.vector.Extent e) {
        return new Extent(e.xmin(), e.ymin(), e.xmax(), e.ymax());
    }

    static GridBounds ours(geotrellis.raster.GridBounds<?> b) {
        return new GridBounds(
                ((Number) b.colMin()).longValue(),
                ((Number) b.rowMin()).longValue(),
                ((Number) b.colMax()).longValue(),
                ((Number) b.rowMax()).longValue());
    }

    static geotrellis.raster.GridBounds<Object> gtLong(GridBounds b) {
        return new geotrellis.raster.GridBounds<>(b.colMin(), b.rowMin(), b.colMax(), b.rowMax(), LONG);
    }

    static geotrellis.raster.GridBounds<Object> gtInt(GridBounds b) {
        return new geotrellis.raster.GridBounds<>(
                (int) b.colMin(), (int) b.rowMin(), (int) b.colMax(), (int) b.rowMax(), INT);
    }

    static long first(Tuple2<?, ?> t) {
        return ((Number) t._1()).longValue();
    }

    static long second(Tuple2<?, ?> t) {
        return ((Number) t._2()).longValue();
    }

    static double firstDouble(Tuple2<?, ?> t) {
        return ((Number) t._1()).doubleValue();
    }

    static double secondDouble(Tuple2<?, ?> t) {
        return ((Number) t._2()).doubleValue();
    }

    /** A cell size typical of rasters: round numbers, powers of two, and arbitrary values over many magnitudes. */
    static double cellSize(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> new double[] {1, 0.5, 10, 30, 0.25, 100, 0.1, 0.0001}[random.nextInt(8)];
            case 1 -> Math.scalb(1.0, random.nextInt(20) - 10);
            case 2 -> 156543.03392804097 / (1 << random.nextInt(20));
            default -> Math.pow(10, random.nextDouble() * 8 - 4);
        };
    }

    /** A coordinate: round, or arbitrary within ±2e7. */
    static double coordinate(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextInt(2001) - 1000;
            case 1 -> Math.round(random.nextDouble() * 4e6 - 2e6) / 4.0;
            default -> random.nextDouble() * 4e7 - 2e7;
        };
    }

    /**
     * A grid-space offset that often lies on, or within a few ulps / below or above the 1e-7 tolerance of, a grid
     * line, to exercise floorWithTolerance.
     */
    static double gridOffset(Random random, long size) {
        double whole = random.nextInt((int) Math.min(Integer.MAX_VALUE, size + 3)) - 1;
        return whole
                + switch (random.nextInt(6)) {
                    case 0 -> 0.0;
                    case 1 -> (random.nextBoolean() ? 1 : -1) * 5e-8;
                    case 2 -> (random.nextBoolean() ? 1 : -1) * 2e-7;
                    case 3 -> (random.nextBoolean() ? 1 : -1) * 1e-12;
                    case 4 -> 0.5;
                    default -> random.nextDouble();
                };
    }
}
