package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.spark.RastermillSpark;
import io.rastermill.spark.SettingSource;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, small: everything it promises is there and readable. */
class DemoCommandTest {

    @Test
    void demoWritesTheDemCogsStatisticsAndAQuicklook(@TempDir Path dir) throws Exception {
        SparkSession spark = new RastermillSpark(
                        RastermillSpark.localDefaults().with("spark.master", "local[2]", SettingSource.COMMAND_LINE))
                .session();
        try {
            CliRun run = CliRun.run("demo", "--out", dir.toString(), "--size", "400", "--block", "128", "--quiet");
            assertEquals(0, run.exitCode(), run.err());
            for (String expected : new String[] {
                "synthetic DEM", "slope: wrote", "hillshade: wrote", "stats: DEM elevation", "quicklook:"
            }) {
                assertTrue(run.out().contains(expected), "demo says '" + expected + "':\n" + run.out());
            }
            try (GeoTiffReader slope =
                            GeoTiffReader.open(dir.resolve("slope.tif").toString());
                    GeoTiffReader hill =
                            GeoTiffReader.open(dir.resolve("hillshade.tif").toString())) {
                assertEquals(400, slope.info().width());
                assertEquals("float32ud-9999.0", slope.info().cellType().name());
                assertEquals("uint8", hill.info().cellType().name());
                assertTrue(hill.info().overviews().size() >= 1, "COG with overviews");
            }
            BufferedImage png = ImageIO.read(dir.resolve("hillshade.png").toFile());
            assertNotNull(png, "the PNG decodes");
            assertEquals(400, png.getWidth(), "a 400-cell hillshade fits the 1024-pixel quicklook at full resolution");
        } finally {
            spark.stop();
            org.apache.spark.sql.SparkSession.clearActiveSession();
            org.apache.spark.sql.SparkSession.clearDefaultSession();
        }
    }
}
