package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The thin jar spark-submit gets carries Rastermill's own classes only (no Spark, Scala, Hadoop or other
 * library classes), and {@code app-lib/} (what {@code --jars} adds) holds no jar a Spark installation already
 * has. Runs after {@code package}, like {@link StandaloneClusterIT}.
 */
class ThinJarIT {
    /**
     * The one class outside io.rastermill: GeoTrellis's Hadoop layer backend writes this class name (which
     * GeoTrellis itself ships, not Hadoop) into every MapFile header, so our layer store needs a class of that
     * name. It is our own code (src/main/java/org/apache/hadoop/io), not a copy of a Hadoop class.
     */
    private static final String GEOTRELLIS_MAPFILE_KEY = "org/apache/hadoop/io/BigIntWritable";

    private static final List<String> GEOTRELLIS_MAPFILE_KEY_DIRS =
            List.of("org/", "org/apache/", "org/apache/hadoop/", "org/apache/hadoop/io/");

    /** What a Spark distribution brings; none of it may travel in the thin jar or in app-lib. */
    private static final List<String> SPARK_JAR_PREFIXES = List.of(
            "spark-", "scala-", "hadoop-", "jackson-", "log4j-", "slf4j-", "netty-", "kryo", "commons-", "guava-");

    private static Path thinJar() {
        Path buildDir = Path.of(System.getProperty("rastermill.test.build.dir", "target"));
        return Path.of(System.getProperty(
                "rastermill.test.thin.jar",
                buildDir.resolve("rastermill-" + VersionInfo.load().version() + ".jar")
                        .toString()));
    }

    /** BigIntWritable.class and its nested classes (BigIntWritable$Comparator.class). */
    private static boolean isMapFileKeyClass(String entry) {
        return entry.equals(GEOTRELLIS_MAPFILE_KEY + ".class") || entry.startsWith(GEOTRELLIS_MAPFILE_KEY + "$");
    }

    @Test
    void thinJarHoldsOnlyRastermill() throws IOException {
        Path jar = thinJar();
        assertTrue(Files.isRegularFile(jar), jar + " missing: this test runs after 'mvn package'");
        List<String> foreign = new ArrayList<>();
        int classes = 0;
        try (JarFile f = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = f.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.endsWith(".class")) {
                    classes++;
                    if (!name.startsWith("io/rastermill/") && !isMapFileKeyClass(name)) {
                        foreign.add(name);
                    }
                } else if (!(name.equals("io/")
                        || name.startsWith("META-INF/")
                        || name.startsWith("io/rastermill/")
                        || name.startsWith("native/")
                        || GEOTRELLIS_MAPFILE_KEY_DIRS.contains(name))) {
                    foreign.add(name);
                }
            }
        }
        assertTrue(classes > 100, "the thin jar has only " + classes + " classes: wrong jar?");
        assertEquals(List.of(), foreign, jar + " carries entries that are not Rastermill's");
    }

    @Test
    void appLibHoldsNothingSparkShips() throws IOException {
        Path appLib = thinJar().getParent().resolve("app-lib");
        List<String> jars;
        try (Stream<Path> files = Files.list(appLib)) {
            jars = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("picocli-")), "app-lib lacks picocli: " + jars);
        List<String> sparks = jars.stream()
                .filter(j -> SPARK_JAR_PREFIXES.stream().anyMatch(j::startsWith))
                .toList();
        assertEquals(List.of(), sparks, appLib + " holds jars a Spark installation ships");
    }
}
