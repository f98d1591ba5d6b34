package io.rastermill.oracle;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.Tile;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * Bridges from our types to GeoTrellis 3.7.1's, for the oracle tests only. Scala objects are
 * reached through {@code MODULE$}; Scala 2.12 functions are Java functional interfaces.
 */
final class GeoTrellis {
    private GeoTrellis() {}

    static geotrellis.raster.DataType cellType(CellType ours) {
        return geotrellis.raster.CellType$.MODULE$.fromName(ours.name());
    }

    static String name(geotrellis.raster.DataType gt) {
        return geotrellis.raster.CellType$.MODULE$.toName(gt);
    }

    /** The same stored samples as a GeoTrellis tile. */
    static geotrellis.raster.Tile tile(Tile ours) {
        return geotrellis.raster.ArrayTile$.MODULE$.fromBytes(
                ours.toBytes(), cellType(ours.cellType()), ours.cols(), ours.rows());
    }

    static scala.Function1<Object, Object> intFn(IntUnaryOperator f) {
        return z -> f.applyAsInt((Integer) z);
    }

    static scala.Function1<Object, Object> doubleFn(DoubleUnaryOperator f) {
        return z -> f.applyAsDouble((Double) z);
    }

    static scala.Function2<Object, Object, Object> intFn2(IntBinaryOperator f) {
        return (a, b) -> f.applyAsInt((Integer) a, (Integer) b);
    }

    static scala.Function2<Object, Object, Object> doubleFn2(DoubleBinaryOperator f) {
        return (a, b) -> f.applyAsDouble((Double) a, (Double) b);
    }
}
