package io.rastermill.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkDefaultsFileTest {

    @Test
    void readsSparkPropertiesFormatInOrder() {
        Map<String, String> parsed = SparkDefaultsFile.parse(
                "f",
                List.of(
                        "# comment",
                        "",
                        "spark.b   2",
                        "  spark.a\tone two  ",
                        "spark.c=3",
                        "! also a comment",
                        "spark.b 4"));
        assertEquals(List.of("spark.b", "spark.a", "spark.c"), List.copyOf(parsed.keySet()));
        assertEquals("4", parsed.get("spark.b"));
        assertEquals("one two", parsed.get("spark.a"));
        assertEquals("3", parsed.get("spark.c"));
    }

    @Test
    void keyWithoutValueNamesFileAndLine() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SparkDefaultsFile.parse("conf/x.conf", List.of("spark.a 1", "spark.b")));
        assertEquals("conf/x.conf:2: setting 'spark.b' has no value (expected 'key value')", e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SparkDefaultsFile.read(Path.of("/nonexistent/spark-defaults.conf")));
        assertEquals("/nonexistent/spark-defaults.conf: Spark defaults file not found", e.getMessage());
    }

    @Test
    void projectDefaultsTurnKryoOn() {
        Path file =
                Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "conf", "spark-defaults.conf");
        Map<String, String> defaults = SparkDefaultsFile.read(file);
        assertEquals(RastermillSpark.KRYO_SERIALIZER, defaults.get("spark.serializer"));
        assertEquals("false", defaults.get("spark.kryo.registrationRequired"));
    }
}
