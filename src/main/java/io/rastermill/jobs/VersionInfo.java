package io.rastermill.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The Rastermill version and the Spark / Scala versions it was built for, from the Maven-filtered
 * resource {@code io/rastermill/jobs/version.properties}.
 */
record VersionInfo(String version, String sparkVersion, String scalaBinaryVersion) {

    private static final String RESOURCE = "version.properties";

    static VersionInfo load() {
        Properties p = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "resource io/rastermill/jobs/" + RESOURCE + " missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read io/rastermill/jobs/" + RESOURCE, e);
        }
        return new VersionInfo(
                p.getProperty("version"), p.getProperty("spark.version"), p.getProperty("scala.binary.version"));
    }

    /** The lines of {@code rastermill --version}. */
    String[] lines() {
        return new String[] {
            "rastermill " + version,
            "built for Spark " + sparkVersion + " (Scala " + scalaBinaryVersion + ")",
            "running on Java " + Runtime.version(),
        };
    }

    /** Adapter for picocli's {@code versionProvider}. */
    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return load().lines();
        }
    }
}
