package io.rastermill.oracle;

import static io.rastermill.oracle.GeoTrellisValues.LONG;
import static io.rastermill.oracle.GeoTrellisValues.first;
import static io.rastermill.oracle.GeoTrellisValues.firstDouble;
import static io.rastermill.oracle.GeoTrellisValues.gridOffset;
import static io.rastermill.oracle.GeoTrellisValues.gt;
import static io.rastermill.oracle.GeoTrellisValues.gtInt;
import static io.rastermill.oracle.GeoTrellisValues.gtLong;
import static io.rastermill.oracle.GeoTrellisValues.ours;
import static io.rastermill.oracle.GeoTrellisValues.second;
import static io.rastermill.oracle.GeoTrellisValues.secondDouble;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.geom.GridCell;
import io.rastermill.core.geom.GridExtent;
import io.rastermill.core.geom.Point;
import io.rastermill.core.geom.RasterExtent;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our grid geometry against GeoTrellis 3.7.1's RasterExtent and GridExtent[Long], bit for bit. */
class GridOracleTest {

    private static final int CASES = 5000;

    /** A random raster whose extent is built from origin + cols * cell size (so the invariant holds). */
    private record Grid(RasterExtent ours, geotrellis.raster.RasterExtent theirs) {
        static Grid random(Random random) {
            double cw = GeoTrellisValues.cellSize(random);
            double ch = random.nextInt(3) == 0 ? cw : GeoTrellisValues.cellSize(random);
            int cols = 1 + random.nextInt(random.nextBoolean() ? 20 : 20000);
            int rows = 1 + random.nextInt(random.nextBoolean() ? 20 : 20000);
            double xmin = GeoTrellisValues.coordinate(random);
            double ymin = GeoTrellisValues.coordinate(random);
            Extent extent = new Extent(xmin, ymin, xmin + cols * cw, ymin + rows * ch);
            RasterExtent ours = RasterExtent.of(extent, cols, rows);
            return new Grid(
                    ours,
                    new geotrellis.raster.RasterExtent(gt(extent), ours.cellWidth(), ours.cellHeight(), cols, rows));
        }

        geotrellis.raster.GridExtent<Object> theirsLong() {
            return new geotrellis.raster.GridExtent<>(
                    theirs.extent(),
                    theirs.cellwidth(),
                    theirs.cellheight(),
                    (Object) (long) theirs.cols(),
                    (Object) (long) theirs.rows(),
                    LONG);
        }

        double x(Random random) {
            return ours.extent().xmin() + gridOffset(random, ours.cols()) * ours.cellWidth();
        }

        double y(Random random) {
            return ours.extent().ymax() - gridOffset(random, ours.rows()) * ours.cellHeight();
        }

        Extent subExtent(Random random) {
            double x1 = x(random);
            double x2 = x(random);
            double y1 = y(random);
            double y2 = y(random);
            return new Extent(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
        }
    }

    @Test
    void mapToGridAndGridToMap() {
        long seed = 20261129L;
        Random random = new Random(seed);
        int snapped = 0;
        for (int i = 0; i < CASES; i++) {
            Grid g = Grid.random(random);
            String where = "seed " + seed + " case " + i + " " + g.ours();
            double x = g.x(random);
            double y = g.y(random);
            double dx = g.ours().mapXToGridDouble(x);
            snapped += Math.floor(dx) != GridExtent.floorWithTolerance(dx) ? 1 : 0;
            GridCell cell = g.ours().mapToGrid(x, y);
            scala.Tuple2<Object, Object> theirs = g.theirs().mapToGrid(x, y);
            assertEquals(first(theirs), cell.col(), where + " mapToGrid col of x=" + x);
            assertEquals(second(theirs), cell.row(), where + " mapToGrid row of y=" + y);
            assertEquals(g.theirs().mapXToGridDouble(x), g.ours().mapXToGridDouble(x), where);
            assertEquals(g.theirs().mapYToGridDouble(y), g.ours().mapYToGridDouble(y), where);

            GridCell longCell = g.ours().toGridExtent().mapToGrid(x, y);
            scala.Tuple2<Object, Object> theirsLong = g.theirsLong().mapToGrid(x, y);
            assertEquals(first(theirsLong), longCell.col(), where + " GridExtent[Long] mapToGrid x=" + x);
            assertEquals(second(theirsLong), longCell.row(), where + " GridExtent[Long] mapToGrid y=" + y);

            int col = random.nextInt(g.ours().cols() + 2) - 1;
            int row = random.nextInt(g.ours().rows() + 2) - 1;
            Point p = g.ours().gridToMap(col, row);
            scala.Tuple2<Object, Object> tp = g.theirs().gridToMap(col, row);
            assertEquals(firstDouble(tp), p.x(), where + " gridToMap x of col " + col);
            assertEquals(secondDouble(tp), p.y(), where + " gridToMap y of row " + row);
            assertEquals(p, g.ours().toGridExtent().gridToMap(col, row), where);
        }
        System.out.println("oracle mapToGrid/gridToMap: " + CASES + " cases (" + snapped
                + " x values snapped up by the 1e-7 tolerance)");
    }

    @Test
    void gridBoundsFor() {
        long seed = 7L;
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            Grid g = Grid.random(random);
            Extent sub = g.subExtent(random);
            boolean clamp = random.nextBoolean();
            String where = "seed " + seed + " case " + i + " " + g.ours() + " sub " + sub + " clamp " + clamp;
            assertEquals(
                    ours(g.theirs().gridBoundsFor(gt(sub), clamp)), g.ours().gridBoundsFor(sub, clamp), where);
            assertEquals(
                    ours(g.theirsLong().gridBoundsFor(gt(sub), clamp)),
                    g.ours().toGridExtent().gridBoundsFor(sub, clamp),
                    where + " (long)");
        }
        System.out.println("oracle gridBoundsFor: " + CASES + " cases");
    }

    @Test
    void extentFor() {
        long seed = 8L;
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            Grid g = Grid.random(random);
            int c1 = random.nextInt(g.ours().cols() + 4) - 2;
            int c2 = random.nextInt(g.ours().cols() + 4) - 2;
            int r1 = random.nextInt(g.ours().rows() + 4) - 2;
            int r2 = random.nextInt(g.ours().rows() + 4) - 2;
            GridBounds bounds = new GridBounds(Math.min(c1, c2), Math.min(r1, r2), Math.max(c1, c2), Math.max(r1, r2));
            boolean clamp = random.nextBoolean();
            String where = "seed " + seed + " case " + i + " " + g.ours() + " " + bounds + " clamp " + clamp;
            assertEquals(
                    ours(g.theirs().extentFor(gtInt(bounds), clamp)), g.ours().extentFor(bounds, clamp), where);
            assertEquals(
                    ours(g.theirsLong().extentFor(gtLong(bounds), clamp)),
                    g.ours().toGridExtent().extentFor(bounds, clamp),
                    where + " (long)");
        }
        System.out.println("oracle extentFor: " + CASES + " cases");
    }

    @Test
    void constructionFromCellSizeAndInvariant() {
        long seed = 9L;
        Random random = new Random(seed);
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            double cw = GeoTrellisValues.cellSize(random);
            double ch = GeoTrellisValues.cellSize(random);
            // widths around k + 0.5 cells, where Math.round's half-up rule decides the column count
            double fraction =
                    new double[] {0.5, 0.5 - 1e-12, 0.5 + 1e-12, 0.0, 1e-9, random.nextDouble()}[random.nextInt(6)];
            long k = 1 + random.nextInt(5000);
            double xmin = GeoTrellisValues.coordinate(random);
            double ymin = GeoTrellisValues.coordinate(random);
            Extent extent = new Extent(xmin, ymin, xmin + (k + fraction) * cw, ymin + (k + 1 - fraction) * ch);
            CellSize cs = new CellSize(cw, ch);
            String where = "seed " + seed + " case " + i + " " + extent + " " + cs;
            GridExtent ours = GridExtent.of(extent, cs);
            geotrellis.raster.GridExtent<Object> theirs = geotrellis.raster.GridExtent$.MODULE$.apply(
                    gt(extent), new geotrellis.raster.CellSize(cw, ch), LONG);
            assertEquals(((Number) theirs.cols()).longValue(), ours.cols(), where);
            assertEquals(((Number) theirs.rows()).longValue(), ours.rows(), where);
            // the invariant accepts and rejects the same column counts
            long cols = k + random.nextInt(3) - 1;
            boolean oursRejects = rejects(() -> new GridExtent(extent, cw, ch, cols, ours.rows()));
            boolean theirsRejects = rejects(() ->
                    new geotrellis.raster.GridExtent<>(gt(extent), cw, ch, (Object) cols, (Object) ours.rows(), LONG));
            assertEquals(theirsRejects, oursRejects, where + " cols " + cols);
            boolean oursRejectsInt = rejects(() -> new RasterExtent(extent, cw, ch, (int) cols, (int) ours.rows()));
            boolean theirsRejectsInt = rejects(
                    () -> new geotrellis.raster.RasterExtent(gt(extent), cw, ch, (int) cols, (int) ours.rows()));
            assertEquals(theirsRejectsInt, oursRejectsInt, where + " RasterExtent cols " + cols);
            accepted += oursRejects ? 0 : 1;
        }
        System.out.println("oracle GridExtent/RasterExtent construction and invariant: " + CASES + " cases (" + accepted
                + " accepted by both)");
    }

    @Test
    void combine() {
        long seed = 19L;
        Random random = new Random(seed);
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            Grid g = Grid.random(random);
            double dx = (random.nextInt(200) - 100)
                    * (random.nextBoolean() ? g.ours().cellWidth() : random.nextDouble());
            double dy = (random.nextInt(200) - 100) * g.ours().cellHeight();
            int cols = 1 + random.nextInt(300);
            int rows = 1 + random.nextInt(300);
            double xmin = g.ours().extent().xmin() + dx;
            double ymin = g.ours().extent().ymin() + dy;
            Extent otherExtent = new Extent(
                    xmin,
                    ymin,
                    xmin + cols * g.ours().cellWidth(),
                    ymin + rows * g.ours().cellHeight());
            String where = "seed " + seed + " case " + i + " " + g.ours() + " + " + otherExtent;
            RasterExtent other;
            geotrellis.raster.RasterExtent theirOther;
            try {
                other = new RasterExtent(
                        otherExtent, g.ours().cellWidth(), g.ours().cellHeight(), cols, rows);
                theirOther = new geotrellis.raster.RasterExtent(
                        gt(otherExtent), g.ours().cellWidth(), g.ours().cellHeight(), cols, rows);
            } catch (IllegalArgumentException e) {
                continue; // rounding made the second grid invalid; not what this property is about
            }
            RasterExtent[] ourResult = new RasterExtent[1];
            geotrellis.raster.RasterExtent[] theirResult = new geotrellis.raster.RasterExtent[1];
            boolean oursRejects = rejects(() -> ourResult[0] = g.ours().combine(other));
            boolean theirsRejects = rejects(() -> theirResult[0] = g.theirs().combine(theirOther));
            assertEquals(theirsRejects, oursRejects, where);
            if (!oursRejects) {
                assertEquals(ours(theirResult[0].extent()), ourResult[0].extent(), where);
                assertEquals(theirResult[0].cols(), ourResult[0].cols(), where);
                assertEquals(theirResult[0].rows(), ourResult[0].rows(), where);
                accepted++;
            }
            GridExtent longCombined = g.ours().toGridExtent().combine(other.toGridExtent());
            geotrellis.raster.GridExtent<Object> theirLong = g.theirsLong()
                    .combine(new geotrellis.raster.GridExtent<>(
                            theirOther.extent(),
                            theirOther.cellwidth(),
                            theirOther.cellheight(),
                            (Object) (long) cols,
                            (Object) (long) rows,
                            LONG));
            assertEquals(ours(theirLong.extent()), longCombined.extent(), where + " (long)");
            assertEquals(((Number) theirLong.cols()).longValue(), longCombined.cols(), where + " (long)");
        }
        System.out.println(
                "oracle combine: " + CASES + " cases (" + accepted + " RasterExtent combines accepted by both)");
    }

    @Test
    void alignmentAndResolution() {
        long seed = 10L;
        Random random = new Random(seed);
        int withResolutionAgreements = 0;
        for (int i = 0; i < CASES; i++) {
            Grid g = Grid.random(random);
            Extent target =
                    g.subExtent(random).buffer(random.nextDouble() * g.ours().cellWidth() * 10);
            String where = "seed " + seed + " case " + i + " " + g.ours() + " target " + target;
            GridExtent aligned = g.ours().toGridExtent().createAlignedGridExtent(target);
            geotrellis.raster.GridExtent<Object> theirs = g.theirsLong().createAlignedGridExtent(gt(target));
            assertEquals(ours(theirs.extent()), aligned.extent(), where);
            assertEquals(((Number) theirs.cols()).longValue(), aligned.cols(), where);
            assertEquals(((Number) theirs.rows()).longValue(), aligned.rows(), where);

            GridExtent pixels = g.ours().toGridExtent().alignTargetPixels();
            geotrellis.raster.GridExtent<Object> theirPixels = g.theirsLong().alignTargetPixels();
            assertEquals(ours(theirPixels.extent()), pixels.extent(), where);
            assertEquals(((Number) theirPixels.cols()).longValue(), pixels.cols(), where);

            double factor = new double[] {0.5, 2, 3, 1.5, 0.3}[random.nextInt(5)];
            double cw = g.ours().cellWidth() * factor;
            double ch = g.ours().cellHeight() * factor;
            RasterExtent[] ourResult = new RasterExtent[1];
            geotrellis.raster.RasterExtent[] theirResult = new geotrellis.raster.RasterExtent[1];
            boolean oursRejects = rejects(() -> ourResult[0] = g.ours().withResolution(cw, ch));
            boolean theirsRejects = rejects(() -> theirResult[0] = g.theirs().withResolution(cw, ch));
            assertEquals(theirsRejects, oursRejects, where + " withResolution " + cw + "," + ch);
            if (!oursRejects) {
                assertEquals(theirResult[0].cols(), ourResult[0].cols(), where);
                assertEquals(theirResult[0].rows(), ourResult[0].rows(), where);
                withResolutionAgreements++;
            }
        }
        System.out.println("oracle createAlignedGridExtent/alignTargetPixels/withResolution: " + CASES + " cases ("
                + withResolutionAgreements + " withResolution accepted by both)");
    }

    static boolean rejects(Runnable construction) {
        try {
            construction.run();
            return false;
        } catch (Exception e) { // ours: IllegalArgumentException; GeoTrellis: IllegalArgumentException or GeoAttrsError
            return true;
        }
    }
}
