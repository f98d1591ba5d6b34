package io.rastermill.oracle;

import static io.rastermill.oracle.GeoTrellisValues.LONG;
import static io.rastermill.oracle.GeoTrellisValues.gt;
import static io.rastermill.oracle.GeoTrellisValues.gtInt;
import static io.rastermill.oracle.GeoTrellisValues.ours;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.geom.GridExtent;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.layout.FloatingLayoutScheme;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.LayoutLevel;
import io.rastermill.core.layout.MapKeyTransform;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayout;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our layouts and key transforms against GeoTrellis 3.7.1's LayoutDefinition and MapKeyTransform, bit for bit. */
class LayoutOracleTest {

    private static final int CASES = 5000;

    private static TileLayout oursTileLayout(geotrellis.raster.TileLayout t) {
        return new TileLayout(t.layoutCols(), t.layoutRows(), t.tileCols(), t.tileRows());
    }

    private static int tileSize(Random random) {
        return new int[] {256, 512, 128, 64, 1, 3, 100, 1000}[random.nextInt(8)];
    }

    @Test
    void layoutFromGridAndFloatingScheme() {
        long seed = 11L;
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            double cw = GeoTrellisValues.cellSize(random);
            double ch = random.nextBoolean() ? cw : GeoTrellisValues.cellSize(random);
            int cols = 1 + random.nextInt(100000);
            int rows = 1 + random.nextInt(100000);
            double xmin = GeoTrellisValues.coordinate(random);
            double ymin = GeoTrellisValues.coordinate(random);
            Extent extent = new Extent(xmin, ymin, xmin + cols * cw, ymin + rows * ch);
            int tileCols = tileSize(random);
            int tileRows = random.nextBoolean() ? tileCols : tileSize(random);
            String where = "seed " + seed + " case " + i + " " + extent + " " + cols + "x" + rows + " tiles " + tileCols
                    + "x" + tileRows;

            RasterExtent re = RasterExtent.of(extent, cols, rows);
            LayoutDefinition layout = LayoutDefinition.fromGrid(re, tileCols, tileRows);
            geotrellis.layer.LayoutDefinition theirs = geotrellis.layer.LayoutDefinition$.MODULE$.apply(
                    new geotrellis.raster.RasterExtent(gt(extent), re.cellWidth(), re.cellHeight(), cols, rows),
                    tileCols,
                    tileRows);
            assertEquals(ours(theirs.extent()), layout.extent(), where);
            assertEquals(oursTileLayout(theirs.tileLayout()), layout.tileLayout(), where);
            assertEquals(theirs.cellSize().width(), layout.cellSize().width(), where);
            assertEquals(theirs.cellSize().height(), layout.cellSize().height(), where);
            assertEquals(
                    ((Number) theirs.cols()).longValue(), layout.gridExtent().cols(), where);

            CellSize cs = new CellSize(cw, ch);
            LayoutLevel level = new FloatingLayoutScheme(tileCols, tileRows).levelFor(extent, cs);
            geotrellis.layer.LayoutLevel theirLevel = new geotrellis.layer.FloatingLayoutScheme(tileCols, tileRows)
                    .levelFor(gt(extent), new geotrellis.raster.CellSize(cw, ch));
            assertEquals(theirLevel.zoom(), level.zoom(), where);
            assertEquals(ours(theirLevel.layout().extent()), level.layout().extent(), where + " floating");
            assertEquals(
                    oursTileLayout(theirLevel.layout().tileLayout()),
                    level.layout().tileLayout(),
                    where + " floating");

            GridExtent grid = GridExtent.of(extent, cs);
            LayoutDefinition fromLong = LayoutDefinition.fromGrid(grid, tileCols, tileRows);
            geotrellis.layer.LayoutDefinition theirsLong = geotrellis.layer.LayoutDefinition$.MODULE$.apply(
                    geotrellis.raster.GridExtent$.MODULE$.apply(
                            gt(extent), new geotrellis.raster.CellSize(cw, ch), LONG),
                    tileCols,
                    tileRows,
                    LONG);
            assertEquals(ours(theirsLong.extent()), fromLong.extent(), where + " GridExtent[Long]");
            assertEquals(oursTileLayout(theirsLong.tileLayout()), fromLong.tileLayout(), where + " GridExtent[Long]");
        }
        System.out.println("oracle LayoutDefinition from grid / FloatingLayoutScheme: " + CASES + " cases");
    }

    private record Layout(MapKeyTransform ours, geotrellis.layer.MapKeyTransform theirs) {
        static Layout random(Random random) {
            double xmin = GeoTrellisValues.coordinate(random);
            double ymin = GeoTrellisValues.coordinate(random);
            double tw = GeoTrellisValues.cellSize(random) * 256;
            double th = random.nextBoolean() ? tw : GeoTrellisValues.cellSize(random) * 256;
            int layoutCols = 1 + random.nextInt(random.nextBoolean() ? 8 : 5000);
            int layoutRows = 1 + random.nextInt(random.nextBoolean() ? 8 : 5000);
            Extent extent = random.nextInt(4) == 0
                    ? new Extent(xmin, ymin, xmin + random.nextDouble() * 1e6 + 1, ymin + random.nextDouble() * 1e6 + 1)
                    : new Extent(xmin, ymin, xmin + layoutCols * tw, ymin + layoutRows * th);
            return new Layout(
                    new MapKeyTransform(extent, layoutCols, layoutRows),
                    new geotrellis.layer.MapKeyTransform(gt(extent), layoutCols, layoutRows));
        }

        /** x on, near or between tile lines, within and slightly beyond the layout. */
        double x(Random random) {
            return ours.extent().xmin() + GeoTrellisValues.gridOffset(random, ours.layoutCols()) * ours.tileWidth();
        }

        double y(Random random) {
            return ours.extent().ymax() - GeoTrellisValues.gridOffset(random, ours.layoutRows()) * ours.tileHeight();
        }
    }

    @Test
    void keyToExtentAndPointToKey() {
        long seed = 12L;
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            Layout l = Layout.random(random);
            String where = "seed " + seed + " case " + i + " " + l.ours();
            int col = random.nextInt(l.ours().layoutCols() + 2) - 1;
            int row = random.nextInt(l.ours().layoutRows() + 2) - 1;
            assertEquals(
                    ours(l.theirs().keyToExtent(col, row)),
                    l.ours().keyToExtent(col, row),
                    where + " key " + col + "," + row);
            double x = l.x(random);
            double y = l.y(random);
            geotrellis.layer.SpatialKey theirs = l.theirs().pointToKey(x, y);
            assertEquals(
                    new SpatialKey(theirs.col(), theirs.row()),
                    l.ours().pointToKey(x, y),
                    where + " point " + x + "," + y);
        }
        System.out.println("oracle keyToExtent/pointToKey: " + CASES + " cases");
    }

    @Test
    void extentToBoundsAndBack() {
        long seed = 13L;
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            Layout l = Layout.random(random);
            double x1 = l.x(random);
            double x2 = random.nextInt(5) == 0 ? x1 : l.x(random);
            double y1 = l.y(random);
            double y2 = random.nextInt(5) == 0 ? y1 : l.y(random);
            Extent e = new Extent(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
            String where = "seed " + seed + " case " + i + " " + l.ours() + " extent " + e;
            GridBounds bounds = l.ours().extentToBounds(e);
            assertEquals(ours(l.theirs().extentToBounds(gt(e))), bounds, where);
            assertEquals(
                    ours(l.theirs().boundsToExtent(gtInt(bounds))), l.ours().boundsToExtent(bounds), where);
        }
        System.out.println("oracle extentToBounds/boundsToExtent: " + CASES + " cases");
    }
}
