package io.rastermill.core.focal;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.Tile;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The halo contract for every op: random tilings stitch to the whole-raster result, bit for bit. */
class FocalSeamTest {

    static List<FocalKernel> terrainKernels() {
        List<FocalKernel> ks = new ArrayList<>();
        for (boolean edges : new boolean[] {false, true}) {
            for (GradientAlg alg : GradientAlg.values()) {
                ks.add(FocalOps.slopeKernel(SlopeParams.GDALDEM.withAlg(alg).withComputeEdges(edges)));
                ks.add(FocalOps.aspectKernel(AspectParams.GDALDEM.withAlg(alg).withComputeEdges(edges)));
                for (HillshadeParams.Mode m : HillshadeParams.Mode.values()) {
                    ks.add(FocalOps.hillshadeKernel(
                            HillshadeParams.GDALDEM.withAlg(alg).withMode(m).withComputeEdges(edges)));
                }
            }
            ks.add(FocalOps.slopeKernel(
                    SlopeParams.GDALDEM.withPercent(true).withScale(3).withComputeEdges(edges)));
            ks.add(FocalOps.aspectKernel(AspectParams.GDALDEM
                    .withTrigonometric(true)
                    .withZeroForFlat(true)
                    .withComputeEdges(edges)));
            for (TerrainIndexParams.Index i : TerrainIndexParams.Index.values()) {
                ks.add(FocalOps.terrainIndexKernel(new TerrainIndexParams(i, edges)));
            }
        }
        ks.add(FocalOps.slopeKernel(SlopeParams.GEOTRELLIS.withZFactor(2)));
        ks.add(FocalOps.aspectKernel(AspectParams.GEOTRELLIS));
        ks.add(FocalOps.hillshadeKernel(HillshadeParams.GEOTRELLIS));
        return ks;
    }

    static List<FocalKernel> statsKernels() {
        List<FocalKernel> ks = new ArrayList<>();
        for (FocalStatsParams.Stat s : FocalStatsParams.Stat.values()) {
            for (FocalStatsParams.Shape sh : FocalStatsParams.Shape.values()) {
                for (int r : new int[] {0, 1, 3}) {
                    ks.add(FocalOps.statsKernel(new FocalStatsParams(s, sh, r)));
                }
            }
        }
        return ks;
    }

    @Test
    void terrainOpsAreTilingIndependent() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int d = 0; d < 6; d++) {
            CellType ct = d % 2 == 0 ? CellType.FLOAT32 : CellType.INT16;
            Tile dem = SeamInvariant.randomDem(rnd, 20 + rnd.nextInt(25), 15 + rnd.nextInt(25), ct, d < 2 ? 0 : 0.05);
            CellSize cs = new CellSize(10 + rnd.nextInt(20), 10 + rnd.nextInt(20));
            for (FocalKernel k : terrainKernels()) {
                SeamInvariant.check(k.toString(), k, dem, cs, rnd, 4);
            }
        }
    }

    @Test
    void focalStatsAreTilingIndependent() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int d = 0; d < 4; d++) {
            Tile dem = SeamInvariant.randomDem(
                    rnd,
                    15 + rnd.nextInt(25),
                    12 + rnd.nextInt(25),
                    d % 2 == 0 ? CellType.FLOAT32 : CellType.INT32,
                    0.1);
            for (FocalKernel k : statsKernels()) {
                SeamInvariant.check(k.toString(), k, dem, new CellSize(1, 1), rnd, 3);
            }
        }
    }
}
