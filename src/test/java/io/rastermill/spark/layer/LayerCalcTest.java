package io.rastermill.spark.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.calc.CalcExpression;
import io.rastermill.core.calc.CalcProgram;
import io.rastermill.core.calc.CalcSyntaxException;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.GdalFixtures;
import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.spark.LocalSparkSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Map algebra over layers: tiled (with retiling and several inputs) equals untiled; grid refusals. */
class LayerCalcTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();
    // four rasters on one 37 x 23 grid (EPSG:32633, 10 m) of different cell types
    private static final String U16 =
            GdalFixtures.named("uint16_zstd_p2_strip_nd0").tif().toString();
    private static final String I16 =
            GdalFixtures.named("int16_none_tile16_be_nd-9999").tif().toString();
    private static final String F32 =
            GdalFixtures.named("float32_none_strip_ndnan_special").tif().toString();
    private static final String U16_3B =
            GdalFixtures.named("uint16_3b_pixel_deflate_p2_tile16").tif().toString();
    // same size, EPSG:4326
    private static final String LATLON =
            GdalFixtures.named("uint16_packbits_strip").tif().toString();
    // same origin and CRS, 50 x 41
    private static final String LARGER =
            GdalFixtures.named("byte_deflate_p2_tile16_nd255").tif().toString();

    private static TileLayer read(String file, int tileSize, int band) throws Exception {
        return TileLayers.readGeoTiffs(
                SPARK.session(),
                List.of(file),
                TileLayers.ReadOptions.defaults().withTileSize(tileSize).withBand(band));
    }

    @Test
    void tiledEqualsUntiledWithFourInputsOnTwoLayouts() throws Exception {
        String expr = "where(isNoData(C), D, (B - A) / (abs(B) + A + 1)) + max(A, D) * 0.001";
        List<LayerCalc.Input> inputs = List.of(
                new LayerCalc.Input("A", U16, read(U16, 16, 0)),
                new LayerCalc.Input("B", I16, read(I16, 16, 0)),
                new LayerCalc.Input("C", F32, read(F32, 11, 0)), // another layout: retiled
                new LayerCalc.Input("D", U16_3B, read(U16_3B, 16, 1)));
        TileLayer out = LayerCalc.calc(CalcExpression.parse(expr), inputs, CellType.FLOAT32);
        assertEquals(CellType.FLOAT32, out.metadata().cellType());
        assertEquals(inputs.get(0).layer().metadata().layout(), out.metadata().layout());

        Map<String, CellType> types = new LinkedHashMap<>();
        List<Tile> whole = List.of(
                WholeRaster.band(U16, 0),
                WholeRaster.band(I16, 0),
                WholeRaster.band(F32, 0),
                WholeRaster.band(U16_3B, 1));
        for (int i = 0; i < 4; i++) {
            types.put(String.valueOf((char) ('A' + i)), whole.get(i).cellType());
        }
        CalcProgram program = CalcExpression.parse(expr).compile(types);
        Tile expected = program.evaluate(whole, CellType.FLOAT32);
        Tile got = TileLayerTest.stitch(out);
        TileLayerTest.assertSameCells(expected, got, expr);
        int data = 0;
        for (double v : expected.toDoubleLane()) {
            data += Double.isNaN(v) ? 0 : 1;
        }
        assertTrue(data > 100 && data < expected.size(), "a test with data and NoData: " + data);
    }

    @Test
    void gridsThatDifferAreRefusedNamingBothInputs() throws Exception {
        CalcExpression e = CalcExpression.parse("A + B");
        IllegalArgumentException crs = assertThrows(
                IllegalArgumentException.class,
                () -> LayerCalc.calc(
                        e,
                        List.of(
                                new LayerCalc.Input("A", U16, read(U16, 16, 0)),
                                new LayerCalc.Input("B", LATLON, read(LATLON, 16, 0)))));
        assertEquals(
                "calc: cannot combine B (" + LATLON + ") with A (" + U16
                        + "): CRS EPSG:4326 vs EPSG:32633 (resampling is not supported)",
                crs.getMessage());
        IllegalArgumentException extent = assertThrows(
                IllegalArgumentException.class,
                () -> LayerCalc.calc(
                        e,
                        List.of(
                                new LayerCalc.Input("A", U16, read(U16, 16, 0)),
                                new LayerCalc.Input("B", LARGER, read(LARGER, 16, 0)))));
        assertTrue(
                extent.getMessage().startsWith("calc: cannot combine B (" + LARGER + ") with A (" + U16 + "): extent "),
                extent.getMessage());
        assertTrue(
                extent.getMessage().contains("(50 x 41 pixels) vs")
                        && extent.getMessage().contains("(37 x 23 pixels)"),
                extent.getMessage());
        CalcSyntaxException unknown = assertThrows(
                CalcSyntaxException.class,
                () -> LayerCalc.calc(
                        CalcExpression.parse("A + Q"), List.of(new LayerCalc.Input("A", U16, read(U16, 16, 0)))));
        assertEquals("unknown name 'Q' (the inputs are A) at column 5 in \"A + Q\"", unknown.getMessage());
    }

    @Test
    void inputsFromFilesOnOneLayoutAreReadTogetherWithoutAJoin() throws Exception {
        String expr = "(B - A) / (B + A)";
        TileLayer out = LayerCalc.calc(
                CalcExpression.parse(expr),
                List.of(
                        new LayerCalc.Input("A", U16, read(U16, 16, 0)),
                        new LayerCalc.Input("B", I16, read(I16, 16, 0))));
        String plan = out.rdd().toDebugString();
        // one task reads both files key by key: the only shuffle is of the first input's key list, no union or group
        assertEquals(1, plan.split("ShuffledRDD", -1).length - 1, plan);
        assertFalse(plan.contains("UnionRDD") || plan.contains("CoGroupedRDD"), plan);
        assertEquals(CellType.FLOAT64, out.metadata().cellType());
        assertEquals(out.partitioner(), out.rdd().partitioner().orNull(), "the keys' partitioner is kept");

        List<Tile> whole = List.of(WholeRaster.band(U16, 0), WholeRaster.band(I16, 0));
        Map<String, CellType> types = new LinkedHashMap<>();
        types.put("A", whole.get(0).cellType());
        types.put("B", whole.get(1).cellType());
        Tile expected = CalcExpression.parse(expr).compile(types).evaluate(whole, CellType.FLOAT64);
        TileLayerTest.assertSameCells(expected, TileLayerTest.stitch(out), expr);
    }

    @Test
    void aComputedLayerIsJoinedByKey() throws Exception {
        // B is computed (not straight from its file): the join path, with the same cells
        TileLayer a = read(U16, 16, 0);
        TileLayer b = read(I16, 16, 0).mapTiles(t -> t);
        TileLayer out = LayerCalc.calc(
                CalcExpression.parse("B - A"),
                List.of(new LayerCalc.Input("A", U16, a), new LayerCalc.Input("B", I16, b)));
        assertTrue(out.rdd().toDebugString().contains("UnionRDD"), "joined");
        Map<String, CellType> types = new LinkedHashMap<>();
        types.put("A", a.metadata().cellType());
        types.put("B", b.metadata().cellType());
        Tile expected = CalcExpression.parse("B - A")
                .compile(types)
                .evaluate(
                        List.of(WholeRaster.band(U16, 0), WholeRaster.band(I16, 0)),
                        out.metadata().cellType());
        TileLayerTest.assertSameCells(expected, TileLayerTest.stitch(out), "B - A");
    }

    @Test
    void retilingAloneKeepsEveryCell() throws Exception {
        TileLayer target = read(I16, 16, 0);
        TileLayer retiled = LayerCalc.retile(read(I16, 7, 0), target);
        assertEquals(target.metadata().layout(), retiled.metadata().layout());
        TileLayerTest.assertSameCells(WholeRaster.band(I16, 0), TileLayerTest.stitch(retiled), "retiled 7 -> 16");
    }
}
