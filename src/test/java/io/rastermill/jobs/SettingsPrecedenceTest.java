package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.io.codec.Compression;
import io.rastermill.io.geotiff.GeoTiffInfo;
import io.rastermill.io.geotiff.GeoTiffReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings precedence, strongest first: command line > job properties ({@code --properties}) > conf files
 * ({@code conf/spark-defaults.conf}, {@code conf/rastermill.properties}) > built-in defaults — for Spark's
 * settings and Rastermill's own, as {@code config} reports them and as a job applies them.
 */
class SettingsPrecedenceTest {
    @TempDir
    static Path home;

    static Path jobProperties;
    static Path dem;

    @BeforeAll
    static void layOutHome() throws IOException {
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
        Path conf = Files.createDirectories(home.resolve("conf"));
        Path real = CliRun.projectHome().resolve("conf");
        Files.copy(real.resolve("spark-defaults.conf"), conf.resolve("spark-defaults.conf"));
        Files.copy(real.resolve("log4j2.properties"), conf.resolve("log4j2.properties"));
        Files.writeString(conf.resolve("rastermill.properties"), """
                # conf file: three Rastermill settings
                rastermill.tile.size         256
                rastermill.compression       lzw
                spark.rastermill.block.cache.size   64m
                """);
        jobProperties = home.resolve("job.properties");
        Files.writeString(jobProperties, """
                rastermill.compression = zstd
                rastermill.block.cache.size 32m
                spark.sql.shuffle.partitions 5
                """);
        dem = home.resolve("dem.tif");
        new SyntheticDem(300).write(dem.toString(), 128);
    }

    @AfterAll
    static void clear() {
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }

    private static CliRun run(String... args) {
        return CliRun.run(CliRun.withHome(home), Map.of(), args);
    }

    @Test
    void configShowsEachSettingFromTheStrongestSource() {
        CliRun r = run(
                "--properties",
                jobProperties.toString(),
                "--conf",
                "rastermill.block.cache.size=16m",
                "--conf",
                "spark.master=local[1]",
                "config");
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertRow(out, "spark.rastermill.tile.size", "conf/rastermill.properties", "256");
        assertRow(out, "spark.rastermill.compression", "job properties", "zstd");
        assertRow(out, "spark.rastermill.block.cache.size", "command line", "16m");
        assertRow(out, "spark.sql.shuffle.partitions", "job properties", "5");
        assertRow(out, "spark.serializer", "conf/spark-defaults.conf", "org.apache.spark.serializer.KryoSerializer");
        assertRow(out, "spark.app.name", "built-in default", "rastermill");
    }

    @Test
    void builtInDefaultsWhenNothingIsSet() throws IOException {
        Path bare = Files.createDirectories(home.resolve("bare/conf"));
        Files.copy(home.resolve("conf/spark-defaults.conf"), bare.resolve("spark-defaults.conf"));
        CliRun r = CliRun.run(CliRun.withHome(bare.getParent()), Map.of(), "--conf", "spark.master=local[1]", "config");
        assertEquals(0, r.exitCode(), r.err());
        assertRow(r.out(), "spark.rastermill.tile.size", "built-in default", "512");
        assertRow(r.out(), "spark.rastermill.compression", "built-in default", "deflate");
        assertRow(r.out(), "spark.rastermill.block.cache.size", "built-in default", "96m");
    }

    @Test
    void jobsWriteWithTheEffectiveTileSizeAndCompression() throws IOException {
        Path a = home.resolve("a.tif");
        CliRun r = run(
                "--properties",
                jobProperties.toString(),
                "--conf",
                "spark.master=local[2]",
                "slope",
                dem.toString(),
                a.toString(),
                "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        GeoTiffInfo info = info(a);
        assertEquals(256, info.blockWidth(), "tile size from conf/rastermill.properties");
        assertEquals(Compression.ZSTD, info.compression(), "compression from the job properties");

        Path b = home.resolve("b.tif");
        r = run(
                "--properties",
                jobProperties.toString(),
                "--conf",
                "rastermill.compression=packbits",
                "--conf",
                "spark.master=local[2]",
                "slope",
                dem.toString(),
                b.toString(),
                "--block",
                "128",
                "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(128, info(b).blockWidth(), "the command's own option beats every file");
        assertEquals(Compression.PACKBITS, info(b).compression(), "--conf beats the job properties");
    }

    @Test
    void badValuesAreNamedWithTheirFile() throws IOException {
        Path bad = home.resolve("bad.properties");
        Files.writeString(bad, "rastermill.tile.sise 256\n");
        CliRun r = run("--properties", bad.toString(), "config");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(bad + ": unknown Rastermill setting 'spark.rastermill.tile.sise'"), r.err());
        Files.writeString(bad, "rastermill.tile.size 100\n");
        r = run(
                "--properties",
                bad.toString(),
                "slope",
                dem.toString(),
                home.resolve("c.tif").toString());
        assertTrue(r.exitCode() != 0 && r.err().contains("multiple of 16"), r.err());
        assertTrue(!Files.exists(home.resolve("c.tif")));
    }

    private static GeoTiffInfo info(Path file) throws IOException {
        try (GeoTiffReader reader = GeoTiffReader.open(file.toString())) {
            return reader.info();
        }
    }

    private static void assertRow(String out, String name, String source, String value) {
        Pattern row = Pattern.compile(
                "(?m)^" + Pattern.quote(name) + "\\s+" + Pattern.quote(source) + "\\s+" + Pattern.quote(value) + "$");
        assertTrue(row.matcher(out).find(), "row " + name + " | " + source + " | " + value + " in:\n" + out);
    }
}
