package io.rastermill.oracle;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.util.ArrayList;
import java.util.List;
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

    /** Every band's stored samples as a GeoTrellis {@code ArrayMultibandTile}. */
    static geotrellis.raster.MultibandTile multiband(MultibandTile ours) {
        geotrellis.raster.Tile[] bands = new geotrellis.raster.Tile[ours.bandCount()];
        for (int b = 0; b < bands.length; b++) {
            bands[b] = tile(ours.band(b));
        }
        return new geotrellis.raster.ArrayMultibandTile(bands);
    }

    /** A GeoTrellis tile's stored samples as ours, its cell type by name. */
    static Tile ours(geotrellis.raster.Tile gt) {
        return Tiles.fromBytes(gt.toArrayTile().toBytes(), CellType.parse(name(gt.cellType())), gt.cols(), gt.rows());
    }

    /** A GeoTrellis multiband tile's bands as ours. */
    static MultibandTile ours(geotrellis.raster.MultibandTile gt) {
        List<Tile> bands = new ArrayList<>();
        for (int b = 0; b < gt.bandCount(); b++) {
            bands.add(ours(gt.band(b)));
        }
        return MultibandTile.of(bands);
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
