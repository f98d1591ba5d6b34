package io.rastermill.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.focal.AspectParams;
import io.rastermill.core.focal.BufferedTile;
import io.rastermill.core.focal.FocalOps;
import io.rastermill.core.focal.HillshadeParams;
import io.rastermill.core.focal.SlopeParams;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The GEOTRELLIS convention against GeoTrellis 3.7.1 itself (Slope, Aspect, Hillshade with
 * Square(1), TargetCell.All) on seeded random small DEMs with NoData, whole tiles and buffered
 * sub-bounds (GeoTrellis' bounds argument = our BufferedTile centre).
 */
class FocalOracleTest {

    static final geotrellis.raster.mapalgebra.focal.TargetCell ALL =
            geotrellis.raster.mapalgebra.focal.TargetCell.All$.MODULE$;

    static Tile randomDem(SplittableRandom rnd, int cols, int rows, CellType ct) {
        double[] z = new double[cols * rows];
        double nd = rnd.nextDouble() * 0.3;
        boolean flatish = rnd.nextInt(5) == 0;
        for (int k = 0; k < z.length; k++) {
            double v = flatish ? 100 + rnd.nextInt(2) : rnd.nextDouble() * 500 - 100;
            z[k] = rnd.nextDouble() < nd ? Double.NaN : (ct.isFloatingPoint() ? v : Math.rint(v));
        }
        return Tiles.fromDoubleLane(ct, cols, rows, z);
    }

    @Test
    void slopeAspectHillshadeEqualGeoTrellis() {
        SplittableRandom rnd = new SplittableRandom(371);
        CellType[] types = {CellType.FLOAT64, CellType.FLOAT32, CellType.INT16, CellType.INT32};
        double maxSlope = 0;
        double maxAspect = 0;
        int dems = 0;
        for (int t = 0; t < 1200; t++) {
            CellType ct = types[t % types.length];
            int cols = 3 + rnd.nextInt(10);
            int rows = 3 + rnd.nextInt(10);
            Tile dem = randomDem(rnd, cols, rows, ct);
            double cw = 1 + rnd.nextInt(30);
            double ch = rnd.nextBoolean() ? cw : 1 + rnd.nextInt(30);
            double z = rnd.nextBoolean() ? 1 : 0.5 + rnd.nextDouble() * 3;
            double az = rnd.nextDouble() * 360;
            double alt = 5 + rnd.nextDouble() * 85;
            CellSize cs = new CellSize(cw, ch);
            geotrellis.raster.Tile gtDem = GeoTrellis.tile(dem);
            geotrellis.raster.CellSize gcs = new geotrellis.raster.CellSize(cw, ch);
            // a random target: the whole tile or a sub-window buffered by the rest of the tile. GeoTrellis'
            // SurfacePointCalculation throws ArrayIndexOutOfBounds for bounds 1 cell wide or high, so
            // targets are at least 2×2 here (ours handles 1-wide targets; see FocalSeamTest).
            int c0 = rnd.nextInt(cols - 1);
            int r0 = rnd.nextInt(rows - 1);
            int w = 2 + rnd.nextInt(cols - c0 - 1);
            int h = 2 + rnd.nextInt(rows - r0 - 1);
            if (t % 3 == 0) {
                c0 = 0;
                r0 = 0;
                w = cols;
                h = rows;
            }
            scala.Option<geotrellis.raster.GridBounds<Object>> bounds =
                    scala.Option.apply(geotrellis.raster.GridBounds$.MODULE$.apply(c0, r0, c0 + w - 1, r0 + h - 1));
            BufferedTile bt = BufferedTile.window(dem, c0, r0, w, h, 1, cs);
            geotrellis.raster.mapalgebra.focal.Square sq = geotrellis.raster.mapalgebra.focal.Square$.MODULE$.apply(1);

            geotrellis.raster.Tile gs =
                    geotrellis.raster.mapalgebra.focal.Slope$.MODULE$.apply(gtDem, sq, bounds, gcs, z, ALL);
            Tile os = FocalOps.slope(bt, SlopeParams.GEOTRELLIS.withZFactor(z));
            maxSlope = Math.max(maxSlope, compare("slope", gs, os, 1e-9));

            geotrellis.raster.Tile ga =
                    geotrellis.raster.mapalgebra.focal.Aspect$.MODULE$.apply(gtDem, sq, bounds, gcs, ALL);
            Tile oa = FocalOps.aspect(bt, AspectParams.GEOTRELLIS);
            maxAspect = Math.max(maxAspect, compare("aspect", ga, oa, 1e-9));

            geotrellis.raster.Tile gh = geotrellis.raster.mapalgebra.focal.hillshade.Hillshade$.MODULE$.apply(
                    gtDem, sq, bounds, gcs, az, alt, z, ALL);
            Tile oh = FocalOps.hillshade(
                    bt, HillshadeParams.GEOTRELLIS.withSun(az, alt).withZFactor(z));
            compare("hillshade", gh, oh, 0);
            dems++;
        }
        System.out.printf(
                "GeoTrellis oracle: %d DEMs, max |diff| slope %.3g, aspect %.3g, hillshade 0%n",
                dems, maxSlope, maxAspect);
        assertTrue(dems >= 1000);
    }

    static double compare(String what, geotrellis.raster.Tile gt, Tile ours, double tol) {
        assertEquals(GeoTrellis.name(gt.cellType()), ours.cellType().name(), what + " cell type");
        assertEquals(gt.cols(), ours.cols(), what + " cols");
        assertEquals(gt.rows(), ours.rows(), what + " rows");
        double max = 0;
        for (int r = 0; r < gt.rows(); r++) {
            for (int c = 0; c < gt.cols(); c++) {
                double g = gt.getDouble(c, r);
                double o = ours.getDouble(c, r);
                if (Double.isNaN(g) || Double.isNaN(o)) {
                    assertEquals(
                            Double.isNaN(g),
                            Double.isNaN(o),
                            what + " NoData at " + c + "," + r + " gt=" + g + " ours=" + o);
                    continue;
                }
                double d = Math.abs(g - o);
                // aspect: 0 and 360 are one direction
                if (what.equals("aspect")) {
                    d = Math.min(d, Math.abs(360 - d));
                }
                assertTrue(d <= tol, what + " at " + c + "," + r + ": gt=" + g + " ours=" + o);
                max = Math.max(max, d);
            }
        }
        return max;
    }
}
