package io.rastermill.spark.hdfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HDFS in the test JVM for the tests of one class: a {@link MiniDFSCluster} with one NameNode and one
 * DataNode, every port bound to 127.0.0.1, its storage in a temporary directory deleted on close.
 * <pre>{@code
 * @RegisterExtension
 * @Order(1)
 * static final MiniHdfs HDFS = new MiniHdfs("rastermill-minidfs");
 * @RegisterExtension
 * @Order(2)
 * static final LocalSparkSession SPARK = new LocalSparkSession();
 * }</pre>
 * With those orders the cluster is up before Spark starts, and Spark stops before the cluster shuts down.
 */
public final class MiniHdfs implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    private final String dirPrefix;
    private Path baseDir;
    private MiniDFSCluster cluster;
    private FileSystem fileSystem;
    private String root;

    /** {@code dirPrefix}: the name prefix of the temporary directory holding the cluster's storage. */
    public MiniHdfs(String dirPrefix) {
        this.dirPrefix = dirPrefix;
    }

    /** Starts the cluster and waits until it is active; on failure whatever was started is shut down. */
    public void start() throws IOException {
        if (cluster != null) {
            throw new IllegalStateException("the MiniDFSCluster is already started");
        }
        baseDir = Files.createTempDirectory(dirPrefix);
        Configuration conf = new Configuration();
        conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        try {
            cluster = new MiniDFSCluster.Builder(conf, baseDir.toFile())
                    .numDataNodes(1)
                    .build();
            cluster.waitActive();
            fileSystem = cluster.getFileSystem();
            root = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
        } catch (IOException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** The file system's root URI, {@code hdfs://127.0.0.1:<port>}, without a trailing slash. */
    public String root() {
        checkStarted();
        return root;
    }

    /** A client of the cluster's file system. */
    public FileSystem fileSystem() {
        checkStarted();
        return fileSystem;
    }

    private void checkStarted() {
        if (cluster == null || root == null) {
            throw new IllegalStateException("the MiniDFSCluster is not started: register the fixture with"
                    + " @RegisterExtension on a static field, or call start()");
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

    /** Shuts the cluster down and deletes its storage directory. */
    @Override
    public void close() throws IOException {
        try {
            if (cluster != null) {
                cluster.shutdown(true);
            }
        } finally {
            cluster = null;
            fileSystem = null;
            root = null;
            Path dir = baseDir;
            baseDir = null;
            if (dir != null && Files.exists(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }
}
