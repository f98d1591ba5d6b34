package io.rastermill.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.focal.BufferedTile;
import io.rastermill.core.focal.FocalOps;
import io.rastermill.core.focal.FocalStatsParams;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Focal mean, min, max, sum and standard deviation, square and circle, equal GeoTrellis 3.7.1's
 * (Mean$, Min$, ... with Square(r) / Circle(r), TargetCell.All) on float64 tiles with NoData.
 * MEDIAN is left out: for an even count GeoTrellis does not give the mean of the two middle
 * values (it truncates it, e.g. 20 for 20 and 21), ours does.
 */
class FocalStatsOracleTest {

    @Test
    void meanMinMaxSumStddevEqualGeoTrellis() {
        SplittableRandom rnd = new SplittableRandom(5);
        geotrellis.raster.mapalgebra.focal.TargetCell all = geotrellis.raster.mapalgebra.focal.TargetCell.All$.MODULE$;
        for (FocalStatsParams.Stat s : FocalStatsParams.Stat.values()) {
            if (s == FocalStatsParams.Stat.MEDIAN) {
                continue;
            }
            for (FocalStatsParams.Shape sh : FocalStatsParams.Shape.values()) {
                int bad = 0;
                int cells = 0;
                String first = "";
                for (int t = 0; t < 100; t++) {
                    int cols = 4 + rnd.nextInt(10);
                    int rows = 4 + rnd.nextInt(10);
                    double[] z = new double[cols * rows];
                    for (int k = 0; k < z.length; k++) {
                        z[k] = rnd.nextDouble() < 0.2
                                ? Double.NaN
                                : (t % 2 == 0 ? rnd.nextInt(50) : rnd.nextDouble() * 100 - 20);
                    }
                    Tile dem = Tiles.fromDoubleLane(CellType.FLOAT64, cols, rows, z);
                    int r = 1 + rnd.nextInt(3);
                    geotrellis.raster.mapalgebra.focal.Neighborhood n = sh == FocalStatsParams.Shape.SQUARE
                            ? geotrellis.raster.mapalgebra.focal.Square$.MODULE$.apply(r)
                            : geotrellis.raster.mapalgebra.focal.Circle$.MODULE$.apply((double) r);
                    geotrellis.raster.Tile g = GeoTrellis.tile(dem);
                    scala.Option<geotrellis.raster.GridBounds<Object>> none = scala.Option.empty();
                    geotrellis.raster.Tile gt = switch (s) {
                        case MEAN -> geotrellis.raster.mapalgebra.focal.Mean$.MODULE$.apply(g, n, none, all);
                        case MEDIAN -> geotrellis.raster.mapalgebra.focal.Median$.MODULE$.apply(g, n, none, all);
                        case MIN -> geotrellis.raster.mapalgebra.focal.Min$.MODULE$.apply(g, n, none, all);
                        case MAX -> geotrellis.raster.mapalgebra.focal.Max$.MODULE$.apply(g, n, none, all);
                        case SUM -> geotrellis.raster.mapalgebra.focal.Sum$.MODULE$.apply(g, n, none, all);
                        case STDDEV ->
                            geotrellis.raster.mapalgebra.focal.StandardDeviation$.MODULE$.apply(g, n, none, all);
                    };
                    Tile ours = FocalOps.stats(
                            BufferedTile.whole(dem, r, new CellSize(1, 1)), new FocalStatsParams(s, sh, r));
                    for (int k = 0; k < z.length; k++) {
                        double a = gt.getDouble(k % cols, k / cols);
                        double b = ours.getDouble(k % cols, k / cols);
                        cells++;
                        boolean same = (Double.isNaN(a) && Double.isNaN(b))
                                || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
                        if (!same && bad++ == 0) {
                            first = "r=" + r + " at " + k % cols + "," + k / cols + " gt=" + a + " ours=" + b
                                    + " focal=" + z[k];
                        }
                    }
                }
                assertEquals(0, bad, s + " " + sh + ": " + bad + "/" + cells + " cells differ, first " + first);
            }
        }
    }
}
