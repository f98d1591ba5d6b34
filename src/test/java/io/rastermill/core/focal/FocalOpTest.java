package io.rastermill.core.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The focal catalog in Java: every op found by its name, documented, building from its defaults the
 * kernel the typed API builds, accepting every choice it documents; options text read as the SQL
 * functions and the command line pass it.
 */
class FocalOpTest {

    /** A value for each required parameter, so that every op builds from its defaults otherwise. */
    private static final Map<String, String> REQUIRED = Map.of("stat", "mean", "radius", "1");

    private static Map<String, String> required(FocalOp op) {
        Map<String, String> m = new LinkedHashMap<>();
        for (FocalParam p : op.params()) {
            if (p.required()) {
                assertTrue(REQUIRED.containsKey(p.name()), op + "." + p.name() + " needs a value in REQUIRED");
                m.put(p.name(), REQUIRED.get(p.name()));
            }
        }
        return m;
    }

    @Test
    void everyOpIsFoundByNameDocumentedAndRunsFromItsDefaults() {
        Tile dem = Tiles.fromDoubleLane(CellType.FLOAT32, 4, 3, new double[] {1, 2, 4, 7, 2, 3, 5, 9, 4, 4, 6, 12});
        for (FocalOp op : FocalOps.all()) {
            assertSame(op, FocalOps.op(op.name()));
            assertSame(op, FocalOps.op(" " + op.name().toUpperCase() + " "));
            assertFalse(op.doc().isBlank(), op + " doc");
            assertEquals("rm_" + op.name(), op.sqlName());
            op.params().forEach(p -> assertFalse(p.doc().isBlank(), op + "." + p.name() + " doc"));
            FocalKernel k = op.kernel(required(op));
            Tile out = FocalOps.applyWhole(k, dem, new CellSize(10, 10));
            assertEquals(4, out.cols(), op.name());
            assertEquals(k.resultCellType(), out.cellType(), op.name());
        }
        assertEquals(
                List.of("slope", "aspect", "hillshade", "tpi", "tri", "roughness", "focal"),
                FocalOps.all().stream().map(FocalOp::name).toList());
        assertThrows(IllegalArgumentException.class, () -> FocalOps.op("curvature"));
    }

    @Test
    void defaultsAreTheTypedApisGdaldemDefaults() {
        assertEquals(FocalOps.slopeKernel(SlopeParams.GDALDEM), SlopeOp.SLOPE.kernel(""));
        assertEquals(FocalOps.aspectKernel(AspectParams.GDALDEM), AspectOp.ASPECT.kernel(""));
        assertEquals(FocalOps.hillshadeKernel(HillshadeParams.GDALDEM), HillshadeOp.HILLSHADE.kernel(""));
        assertEquals(
                FocalOps.terrainIndexKernel(new TerrainIndexParams(TerrainIndexParams.Index.TRI_RILEY, false)),
                TerrainIndexOp.TRI.kernel(""));
        assertEquals(
                FocalOps.statsKernel(
                        new FocalStatsParams(FocalStatsParams.Stat.MEAN, FocalStatsParams.Shape.SQUARE, 1)),
                FocalStatsOp.FOCAL.kernel("stat=mean radius=1"));
    }

    @Test
    void everyDocumentedChoiceIsAccepted() {
        for (FocalOp op : FocalOps.all()) {
            for (FocalParam p : op.params()) {
                for (String choice : p.choices()) {
                    Map<String, String> args = required(op);
                    args.put(p.name(), choice);
                    if (choice.equals("annulus")) {
                        args.put("radius", "2");
                    } else if (choice.equals("weighted")) {
                        args.put("weights", "1,1,1,1,1,1,1,1,1");
                    }
                    if (choice.equals("geotrellis")) {
                        continue; // GeoTrellis' conventions take Horn and the defaults only: checked below
                    }
                    op.kernel(args);
                }
            }
        }
        assertEquals(FocalOps.slopeKernel(SlopeParams.GEOTRELLIS), SlopeOp.SLOPE.kernel("convention=geotrellis"));
    }

    @Test
    void optionsTextAsSqlAndTheCommandLineWriteIt() {
        assertEquals(
                FocalOps.slopeKernel(SlopeParams.GDALDEM
                        .withAlg(GradientAlg.ZEVENBERGEN_THORNE)
                        .withComputeEdges(true)
                        .withZFactor(2.5)),
                SlopeOp.SLOPE.kernel("alg=ZevenbergenThorne, compute_edges=true;  Z-Factor = 2.5"));
        assertEquals(
                FocalOps.aspectKernel(AspectParams.GDALDEM.withAlg(GradientAlg.ZEVENBERGEN_THORNE)),
                AspectOp.ASPECT.kernel("--alg=zt"));
        assertEquals(
                FocalOps.hillshadeKernel(HillshadeParams.GDALDEM
                        .withMode(HillshadeParams.Mode.MULTIDIRECTIONAL)
                        .withSun(300, 30)),
                HillshadeOp.HILLSHADE.kernel("mode=multidirectional azimuth=300 altitude=30"));
        assertEquals(
                FocalOps.statsKernel(
                        FocalStatsParams.weighted(FocalStatsParams.Stat.SUM, 1, 0, 1, 0, 1, -4, 1, 0, 1, 0)),
                FocalStatsOp.FOCAL.kernel("stat=sum, shape=weighted, radius=1, weights=0,1,0,1,-4,1,0,1,0"));
        assertEquals(
                FocalStatsOp.FOCAL.kernel("stat=max shape=weighted radius=1 weights=0, 1, 0, 1, -4, 1, 0, 1, 0"),
                FocalStatsOp.FOCAL.kernel(
                        Map.of("stat", "max", "shape", "weighted", "radius", "1.0", "weights", "0,1,0,1,-4,1,0,1,0")),
                "blanks in a list; a whole number written as a double, as SQL passes a DOUBLE");
        assertEquals(
                FocalOps.statsKernel(FocalStatsParams.annulus(FocalStatsParams.Stat.MEDIAN, 1, 3)),
                FocalStatsOp.FOCAL.kernel("stat=median shape=annulus inner=1 radius=3"));
        assertEquals(Map.of(), FocalOp.options("  "));
    }

    @Test
    void wrongArgumentsNameTheOpAndTheParameter() {
        assertMessage(
                "slope: alg: must be Horn or ZevenbergenThorne, not 'Sobel'", () -> SlopeOp.SLOPE.kernel("alg=Sobel"));
        assertMessage(
                "slope: no parameter 'colour'; slope takes [convention, alg, percent, z_factor, scale, compute_edges]",
                () -> SlopeOp.SLOPE.kernel("colour=red"));
        assertMessage("slope: z_factor must be a finite number, not 'two'", () -> SlopeOp.SLOPE.kernel("z_factor=two"));
        assertMessage(
                "slope: GeoTrellis slope is Horn, degrees, scale 1 only",
                () -> SlopeOp.SLOPE.kernel("convention=geotrellis percent=true"));
        assertMessage(
                "focal: needs radius (in cells: the halo; an annulus' outer radius; weighted: weights has"
                        + " (2·radius+1)² values)",
                () -> FocalStatsOp.FOCAL.kernel("stat=mean"));
        assertMessage(
                "focal: radius must be a whole number, not '1.5'",
                () -> FocalStatsOp.FOCAL.kernel("stat=mean radius=1.5"));
        assertMessage(
                "focal: shape: unknown shape 'hexagon'; one of [square, circle, annulus, weighted]",
                () -> FocalStatsOp.FOCAL.kernel("stat=mean shape=hexagon radius=1"));
        assertMessage(
                "focal: inner is for shape=annulus, not circle",
                () -> FocalStatsOp.FOCAL.kernel("stat=mean shape=circle radius=2 inner=1"));
        assertMessage(
                "focal: stat: unknown statistic 'mode'; one of [mean, min, max, sum, stddev, median]",
                () -> FocalStatsOp.FOCAL.kernel("stat=mode radius=1"));
        assertMessage(
                "tpi: options are name=value entries separated by blanks, commas or semicolons; 'compute_edges'"
                        + " in 'compute_edges' is none",
                () -> TerrainIndexOp.TPI.kernel("compute_edges"));
        assertMessage(
                "tpi: option compute_edges is given twice in 'compute_edges=true, compute-edges=false'",
                () -> TerrainIndexOp.TPI.kernel("compute_edges=true, compute-edges=false"));
    }

    private static void assertMessage(String message, Runnable call) {
        assertEquals(
                message, assertThrows(IllegalArgumentException.class, call::run).getMessage());
    }
}
