package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** {@code rastermill config} in local in-process mode: starts a real local SparkSession and stops it. */
class ConfigCommandTest {

    @Test
    void printsTheEffectiveLocalConfigurationWithSources() {
        // Other test classes in this JVM may leave a (stopped) session registered as active or default on this
        // thread; the assertion below is about the session config itself starts, so begin without any.
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
        // The built-in local master is local[*]; on the 2-core CI machine that is two threads.
        // spark.ui.enabled is already false by the local built-in default.
        CliRun run = CliRun.run("--conf", "spark.sql.shuffle.partitions=3", "config");

        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("local mode (in-process)"), out);
        assertRow(out, "spark.master", "built-in default", "local[*]");
        assertRow(out, "spark.app.name", "built-in default", "rastermill");
        assertRow(out, "spark.serializer", "conf/spark-defaults.conf", "org.apache.spark.serializer.KryoSerializer");
        assertRow(out, "spark.kryo.registrationRequired", "conf/spark-defaults.conf", "false");
        assertRow(out, "spark.sql.shuffle.partitions", "command line", "3");
        assertRow(out, "spark.ui.enabled", "built-in default", "false");
        assertRow(
                out,
                "Spark version",
                "runtime",
                SparkSession.class.getPackage().getImplementationVersion() == null
                        ? VersionInfo.load().sparkVersion()
                        : SparkSession.class.getPackage().getImplementationVersion());
        assertTrue(
                Pattern.compile("(?m)^spark\\.default\\.parallelism\\s+Spark default\\s+\\d+$")
                        .matcher(out)
                        .find(),
                out);

        assertTrue(
                SparkSession.getActiveSession().isEmpty()
                        && SparkSession.getDefaultSession().isEmpty(),
                "config stops the session it started");
    }

    private static void assertRow(String out, String name, String source, String value) {
        Pattern row = Pattern.compile(
                "(?m)^" + Pattern.quote(name) + "\\s+" + Pattern.quote(source) + "\\s+" + Pattern.quote(value) + "$");
        assertTrue(row.matcher(out).find(), "row " + name + " | " + source + " | " + value + " in:\n" + out);
    }
}
