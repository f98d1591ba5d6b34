package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.geotiff.GdalFixtures;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.write.vrt.VrtTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code rastermill layer write|read|list}: a GeoTIFF through a catalog and back, cell for cell. */
class LayerCommandTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    @Test
    void namesThatWouldLeaveTheCatalogAreUsageErrorsAndWriteNothing(@TempDir Path dir) {
        String single = GdalFixtures.named("int16_none_tile16_be_nd-9999").tif().toString();
        Path cat = dir.resolve("catalog");
        for (String name : new String[] {"../x", "/etc", "a/b", "", ".."}) {
            CliRun w = CliRun.run("layer", "write", single, cat.toString(), "--name", name, "--tile-size", "16");
            assertEquals(2, w.exitCode(), name + ": " + w.err());
            assertTrue(w.err().contains("layer name '" + name + "'"), w.err());
            assertTrue(!Files.exists(cat) && !Files.exists(dir.resolve("x")), "nothing written for " + name);
        }
        CliRun z = CliRun.run("layer", "write", single, cat.toString(), "--name", "dem", "--zoom", "-1");
        assertEquals(2, z.exitCode(), z.err());
        assertTrue(!Files.exists(cat));
    }

    @Test
    void writeListReadRoundTripsSingleAndMultiband(@TempDir Path dir) throws IOException {
        String cat = dir.resolve("catalog").toString();
        String single = GdalFixtures.named("int16_none_tile16_be_nd-9999").tif().toString();
        String multi = GdalFixtures.named("byte_3b_pixel_lzw_tile16").tif().toString();

        CliRun w = CliRun.run(
                "layer",
                "write",
                single,
                cat,
                "--name",
                "dem",
                "--zoom",
                "0",
                "--tile-size",
                "16",
                "--index",
                "hilbert");
        assertEquals(0, w.exitCode(), w.err());
        assertTrue(w.out().contains("6 tile(s) of 16x16 int16ud-9999"), w.out());
        CliRun again = CliRun.run("layer", "write", single, cat, "--name", "dem", "--tile-size", "16");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("already exists"), again.err());
        assertEquals(
                0,
                CliRun.run("layer", "write", single, cat, "--name", "dem", "--tile-size", "16", "--overwrite")
                        .exitCode());
        assertEquals(
                0,
                CliRun.run("layer", "write", multi, cat, "--name", "rgb", "--tile-size", "16")
                        .exitCode());

        CliRun list = CliRun.run("layer", "list", cat);
        assertEquals(0, list.exitCode(), list.err());
        assertEquals(
                "dem\t0\tint16ud-9999\tTile\t3x2 tiles of 16x16\tkeys 0,0 - 2,1\tzorder\n"
                        + "rgb\t0\tuint8raw\tMultibandTile\t3x2 tiles of 16x16\tkeys 0,0 - 2,1\tzorder\n",
                list.out().replace("\r", ""),
                list.out());

        Path out = dir.resolve("dem.tif");
        CliRun r = CliRun.run("layer", "read", cat, out.toString(), "--name", "dem", "--zoom", "0", "--no-cog");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(WholeRaster.allBands(single), WholeRaster.allBands(out.toString()));
        Path rgb = dir.resolve("rgb.tif");
        assertEquals(
                0,
                CliRun.run("layer", "read", cat, rgb.toString(), "--name", "rgb", "--zoom", "0")
                        .exitCode());
        assertEquals(WholeRaster.allBands(multi), WholeRaster.allBands(rgb.toString()));

        // --extent: only the tiles meeting it; the output starts at their corner.
        try (GeoTiffReader in = GeoTiffReader.open(single)) {
            io.rastermill.io.tiff.GeoTransform gt = in.info().geoTransform().orElseThrow();
            double x = gt.originX() + 17 * gt.pixelWidth();
            double y = gt.originY() + 3 * gt.pixelHeight();
            Path part = dir.resolve("part.tif");
            CliRun p = CliRun.run(
                    "layer",
                    "read",
                    cat,
                    part.toString(),
                    "--name",
                    "dem",
                    "--zoom",
                    "0",
                    "--extent",
                    x + "," + (y - 1) + "," + (x + 1) + "," + y);
            assertEquals(0, p.exitCode(), p.err());
            MultibandTile got = WholeRaster.allBands(part.toString());
            assertEquals(16, got.cols());
            assertEquals(16, got.rows());
            MultibandTile whole = WholeRaster.allBands(single);
            for (int row = 0; row < 16; row++) {
                for (int col = 0; col < 16; col++) {
                    assertEquals(whole.band(0).get(16 + col, row), got.band(0).get(col, row));
                }
            }
        }
        CliRun missing =
                CliRun.run("layer", "read", cat, dir.resolve("x.tif").toString(), "--name", "nope", "--zoom", "0");
        assertEquals(1, missing.exitCode());
        assertTrue(
                missing.err().contains("'nope' zoom 0") && missing.err().contains("nope__.__0__.__metadata.json"),
                missing.err());
    }

    @Test
    void zoomedLayoutPicksTheSchemeLevel(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(VrtTestSupport.hasGdal(), "GDAL not installed");
        Path merc = dir.resolve("merc.tif");
        VrtTestSupport.run(
                "gdal_translate",
                "-q",
                "-a_srs",
                "EPSG:3857",
                "-a_ullr",
                "1000000",
                "6000000",
                "1000370",
                "5999770",
                GdalFixtures.named("int16_none_tile16_be_nd-9999").tif().toString(),
                merc.toString());
        String cat = dir.resolve("catalog").toString();
        CliRun w = CliRun.run("layer", "write", merc.toString(), cat, "--name", "m", "--layout", "zoomed");
        assertEquals(0, w.exitCode(), w.err());
        // The level ZoomedLayoutScheme(3857, 256) picks for 10 m cells here (at 47°N: zoom 15), and its layout.
        io.rastermill.core.layout.LayoutLevel level = new io.rastermill.core.layout.ZoomedLayoutScheme(
                        io.rastermill.core.crs.Crs.WEB_MERCATOR)
                .levelFor(
                        new io.rastermill.core.geom.Extent(1000000, 5999770, 1000370, 6000000),
                        new io.rastermill.core.geom.CellSize(10, 10));
        assertEquals(15, level.zoom());
        assertTrue(w.out().contains("'m' zoom 15"), w.out());
        CliRun list = CliRun.run("layer", "list", cat);
        int n = 1 << 15;
        // every level of the pyramid, 15 down to 0
        assertTrue(
                list.out()
                        .lines()
                        .anyMatch(l -> l.startsWith("m\t15\tint16ud-9999\tTile\t" + n + "x" + n + " tiles of 256x256")),
                list.out());
        assertEquals(16, list.out().lines().filter(l -> l.startsWith("m\t")).count(), list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("m\t0\tint16ud-9999\tTile\t1x1 tiles")), list.out());
        // Read back: every cell whose centre lies in the source raster carries the source cell under it.
        Path back = dir.resolve("back.tif");
        CliRun r = CliRun.run("layer", "read", cat, back.toString(), "--name", "m", "--zoom", "15", "--no-cog");
        assertEquals(0, r.exitCode(), r.err());
        MultibandTile src = WholeRaster.allBands(merc.toString());
        MultibandTile got = WholeRaster.allBands(back.toString());
        io.rastermill.core.layout.MapKeyTransform mt = level.layout().mapTransform();
        io.rastermill.core.geom.GridBounds kb =
                mt.extentToBounds(new io.rastermill.core.geom.Extent(1000000, 5999770, 1000370, 6000000));
        io.rastermill.core.geom.Extent origin = mt.keyToExtent((int) kb.colMin(), (int) kb.rowMin());
        double cs = level.layout().cellSize().width();
        int checked = 0;
        for (int row = 0; row < got.rows(); row++) {
            for (int col = 0; col < got.cols(); col++) {
                double x = origin.xmin() + (col + 0.5) * cs;
                double y = origin.ymax() - (row + 0.5) * cs;
                int sc = (int) Math.floor((x - 1000000) / 10);
                int sr = (int) Math.floor((6000000 - y) / 10);
                if (sc >= 0 && sc < 37 && sr >= 0 && sr < 23) {
                    assertEquals(src.band(0).get(sc, sr), got.band(0).get(col, row), col + "," + row);
                    checked++;
                }
            }
        }
        assertTrue(checked > 1000, "cells checked: " + checked);
    }
}
