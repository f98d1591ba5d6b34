package io.rastermill.core.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rastermill.core.tile.Tile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of cases.tsv (gdaldem 3.6.2 outputs made by make_fixtures.py): same cell type, same
 * NoData positions, every value within 1e-4; and the same kernel on random tilings of the fixture
 * stitches to the whole-raster result bit for bit.
 */
class FocalGdaldemTest {

    static final double TOLERANCE = 1e-4;

    /** Parses a gdaldem option list into our kernel. */
    static FocalKernel kernel(String mode, List<String> opts) {
        boolean edges = opts.contains("-compute_edges");
        GradientAlg alg = opts.contains("ZevenbergenThorne") ? GradientAlg.ZEVENBERGEN_THORNE : GradientAlg.HORN;
        double z = number(opts, "-z", 1);
        double s = number(opts, "-s", 1);
        return switch (mode) {
            // gdaldem slope has no -z (it parses and ignores it): our zFactor stays 1
            case "slope" ->
                FocalOps.slopeKernel(SlopeParams.GDALDEM
                        .withAlg(alg)
                        .withPercent(opts.contains("-p"))
                        .withScale(s)
                        .withComputeEdges(edges));
            case "aspect" ->
                FocalOps.aspectKernel(AspectParams.GDALDEM
                        .withAlg(alg)
                        .withTrigonometric(opts.contains("-trigonometric"))
                        .withZeroForFlat(opts.contains("-zero_for_flat"))
                        .withComputeEdges(edges));
            case "hillshade" -> {
                HillshadeParams.Mode m = opts.contains("-combined")
                        ? HillshadeParams.Mode.COMBINED
                        : opts.contains("-multidirectional")
                                ? HillshadeParams.Mode.MULTIDIRECTIONAL
                                : opts.contains("-igor") ? HillshadeParams.Mode.IGOR : HillshadeParams.Mode.REGULAR;
                yield FocalOps.hillshadeKernel(HillshadeParams.GDALDEM
                        .withAlg(alg)
                        .withMode(m)
                        .withSun(number(opts, "-az", 315), number(opts, "-alt", 45))
                        .withZFactor(z)
                        .withScale(s)
                        .withComputeEdges(edges));
            }
            case "TPI" -> FocalOps.terrainIndexKernel(new TerrainIndexParams(TerrainIndexParams.Index.TPI, edges));
            case "TRI" ->
                FocalOps.terrainIndexKernel(new TerrainIndexParams(
                        opts.contains("Wilson")
                                ? TerrainIndexParams.Index.TRI_WILSON
                                : TerrainIndexParams.Index.TRI_RILEY,
                        edges));
            case "roughness" ->
                FocalOps.terrainIndexKernel(new TerrainIndexParams(TerrainIndexParams.Index.ROUGHNESS, edges));
            default -> throw new IllegalArgumentException(mode);
        };
    }

    private static double number(List<String> opts, String flag, double dflt) {
        int i = opts.indexOf(flag);
        return i < 0 ? dflt : Double.parseDouble(opts.get(i + 1));
    }

    @TestFactory
    List<DynamicTest> matchesGdaldem() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.path("cases.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            List<String> opts = f[3].isBlank() ? List.of() : Arrays.asList(f[3].split(" "));
            tests.add(DynamicTest.dynamicTest(f[0] + " (" + f[2] + " " + f[3] + ")", () -> {
                Fixtures.Raster dem = Fixtures.read(f[1] + ".tif");
                Fixtures.Raster ref = Fixtures.read(f[0] + ".tif");
                Tile ours = kernel(f[2], opts).apply(BufferedTile.whole(dem.tile(), 1, dem.cellSize()));
                double max = compare(f[0], ref.tile(), ours);
                // and tiled: random tilings of the fixture stitch to the same result
                SeamInvariant.check(
                        f[0],
                        kernel(f[2], opts),
                        dem.tile(),
                        dem.cellSize(),
                        new java.util.SplittableRandom(f[0].hashCode()),
                        2);
                System.out.printf("gdaldem %-28s max |diff| = %.3g%n", f[0], max);
            }));
        }
        return tests;
    }

    /** Asserts equal cell type, NoData positions and values within TOLERANCE; returns the max |diff|. */
    static double compare(String name, Tile ref, Tile ours) {
        assertEquals(ref.cellType(), ours.cellType(), name + " cell type");
        assertEquals(ref.cols(), ours.cols());
        assertEquals(ref.rows(), ours.rows());
        double[] a = ref.toDoubleLane();
        double[] b = ours.toDoubleLane();
        double max = 0;
        int bad = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            boolean na = Double.isNaN(a[i]);
            boolean nb = Double.isNaN(b[i]);
            double d = na || nb ? (na == nb ? 0 : Double.POSITIVE_INFINITY) : Math.abs(a[i] - b[i]);
            max = Math.max(max, d);
            if (d > TOLERANCE) {
                if (bad++ < 8) {
                    first.append(
                            String.format(" (%d,%d) gdal=%s ours=%s;", i % ref.cols(), i / ref.cols(), a[i], b[i]));
                }
            }
        }
        if (bad > 0) {
            fail(name + ": " + bad + " cells differ, max " + max + ":" + first);
        }
        assertTrue(max <= TOLERANCE);
        return max;
    }
}
