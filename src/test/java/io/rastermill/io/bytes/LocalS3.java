package io.rastermill.io.bytes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real S3 server on 127.0.0.1 for the tests of one class: S3Proxy with its filesystem backend, started
 * through {@code jobs/local-s3} (so the tests run the demo launcher too) in its own JVM on a free port, its
 * data in a temporary directory deleted on close; one bucket, {@link #bucket()}, named anew for each server: Hadoop
 * caches a file system per scheme and bucket, so a bucket of an earlier server must not be found with its endpoint.
 * <pre>{@code
 * @RegisterExtension
 * @Order(1)
 * static final LocalS3 S3 = new LocalS3();
 * @RegisterExtension
 * @Order(2)
 * static final LocalSparkSession SPARK = new LocalSparkSession();
 * ... S3.configure(SPARK.session().sparkContext().hadoopConfiguration()); ... S3.uri("in/dem.tif") ...
 * }</pre>
 * The first start may take a minute: {@code jobs/local-s3} resolves S3Proxy's class path with Maven once.
 */
public final class LocalS3 implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    public static final String ACCESS_KEY = "rastermill-test-key";
    public static final String SECRET_KEY = "rastermill-test-secret";
    private static final long START_MILLIS = 180_000;

    private Path dataDir;
    private Process process;
    private Path log;
    private int port;
    private final String bucket = "rastermill-test-" + Long.toHexString(System.nanoTime() & 0xFFFFFFFFL);

    /** Starts S3Proxy and waits until it answers HTTP; on failure the process is stopped and its log is in the message. */
    public void start() throws IOException {
        if (process != null) {
            throw new IllegalStateException("S3Proxy is already started");
        }
        dataDir = Files.createTempDirectory("rastermill-s3");
        log = dataDir.resolve("local-s3.log");
        Path home = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(
                        "bash",
                        home.resolve("jobs/local-s3").toString(),
                        "--port",
                        Integer.toString(port),
                        "--data",
                        dataDir.resolve("data").toString(),
                        "--bucket",
                        bucket)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        process = pb.start();
        try {
            awaitHttp();
        } catch (IOException | RuntimeException e) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            close();
            throw new IOException("S3Proxy (jobs/local-s3) did not start: " + e.getMessage() + "\n" + output, e);
        }
    }

    private void awaitHttp() throws IOException {
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("it exited with status " + process.exitValue());
            }
            try {
                HttpURLConnection c =
                        (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                c.getResponseCode(); // any answer (403 for an unsigned request) means it serves
                c.disconnect();
                return;
            } catch (IOException notYet) {
                sleep(200);
            }
        }
        throw new IOException("no answer on " + endpoint() + " within " + START_MILLIS / 1000 + " s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code 127.0.0.1:<port>}, as GDAL's {@code AWS_S3_ENDPOINT} wants it. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    /** The bucket's name. */
    public String bucket() {
        return bucket;
    }

    /** {@code s3a://<bucket>/<key>}. */
    public String uri(String key) {
        return "s3a://" + bucket + "/" + key;
    }

    /** The bucket's folder on disk (S3Proxy's filesystem backend keeps an object as a file under it). */
    public Path bucketDir() {
        checkStarted();
        return dataDir.resolve("data").resolve(bucket);
    }

    /**
     * The numbers of the parts stored so far for unfinished multipart uploads of {@code key}, and with a null key
     * the paths (relative to {@link #bucketDir()}) of every file any unfinished upload keeps. jclouds' local blob
     * store (S3Proxy's filesystem backend) keeps an upload as hidden files {@code .mpus-<upload id>-<key>-stub} and
     * {@code .mpus-<upload id>-<key>-<part number>} until it is completed or aborted.
     */
    public List<String> multipartParts(String key) throws IOException {
        Path bucketDir = bucketDir();
        if (!Files.isDirectory(bucketDir)) {
            return List.of();
        }
        Pattern part =
                Pattern.compile("\\.mpus-[0-9a-f-]+-" + (key == null ? ".+" : Pattern.quote(key)) + "-(stub|[0-9]+)");
        List<String> found = new ArrayList<>();
        // The server writes, renames and deletes files while a test polls: a file listed and gone before it is
        // visited is skipped, not an error.
        Files.walkFileTree(bucketDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                Matcher m = part.matcher(bucketDir.relativize(f).toString());
                if (attrs.isRegularFile()
                        && m.matches()
                        && (key == null || !m.group(1).equals("stub"))) {
                    found.add(key == null ? m.group() : m.group(1));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                return gone(e);
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                return e == null ? FileVisitResult.CONTINUE : gone(e);
            }

            private FileVisitResult gone(IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        found.sort(null);
        return found;
    }

    /**
     * The S3A settings for this server, as a user passes them with {@code --conf spark.hadoop.<key>=<value>}:
     * endpoint, path-style access, plain HTTP, static credentials, a region (no lookup), few retries.
     */
    public Map<String, String> s3aSettings() {
        checkStarted();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fs.s3a.endpoint", endpoint());
        m.put("fs.s3a.endpoint.region", "us-east-1");
        m.put("fs.s3a.path.style.access", "true");
        m.put("fs.s3a.connection.ssl.enabled", "false");
        m.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        m.put("fs.s3a.access.key", ACCESS_KEY);
        m.put("fs.s3a.secret.key", SECRET_KEY);
        m.put("fs.s3a.attempts.maximum", "2");
        m.put("fs.s3a.retry.limit", "2");
        m.put("fs.s3a.retry.interval", "100ms");
        // Hadoop 3.4 (-Pspark4) copies local files up through the SDK v2 async transfer manager, whose signed
        // payload S3Proxy 2.6 rejects (XAmzContentSHA256Mismatch); the classic copy goes through create() like
        // our writers. Hadoop 3.3 does not know the key and ignores it.
        m.put("fs.s3a.optimized.copy.from.local.enabled", "false");
        // Hadoop 3.3's default deletes the parent "directory" markers after every file written, with a bulk
        // DeleteObjects that S3Proxy answers only after ~25 s; 3.4's default keeps them (and so does this).
        m.put("fs.s3a.directory.marker.retention", "keep");
        return m;
    }

    /** Sets {@link #s3aSettings()} on {@code conf} and returns it. */
    public Configuration configure(Configuration conf) {
        s3aSettings().forEach(conf::set);
        return conf;
    }

    /** The environment GDAL's {@code /vsis3/} needs to read from this server. */
    public Map<String, String> gdalEnvironment() {
        checkStarted();
        return Map.of(
                "AWS_S3_ENDPOINT",
                hostPort(),
                "AWS_HTTPS",
                "NO",
                "AWS_VIRTUAL_HOSTING",
                "FALSE",
                "AWS_ACCESS_KEY_ID",
                ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY",
                SECRET_KEY,
                "AWS_REGION",
                "us-east-1");
    }

    private void checkStarted() {
        if (process == null) {
            throw new IllegalStateException("S3Proxy is not started: register the fixture with @RegisterExtension"
                    + " on a static field, or call start()");
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    /** Closes the bucket's cached S3A file system, stops S3Proxy (SIGTERM, then SIGKILL after 10 s), deletes its data. */
    @Override
    public void close() throws IOException {
        if (process != null) {
            FileSystem.get(URI.create("s3a://" + bucket + "/"), configure(new Configuration()))
                    .close();
        }
        Process p = process;
        process = null;
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        Path dir = dataDir;
        dataDir = null;
        if (dir != null && Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
