package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.opentest4j.AssertionFailedError;

/**
 * The same jobs on a real Spark standalone cluster (a Master and two one-core Workers on 127.0.0.1,
 * child JVMs from {@code target/lib}) and in local mode, with equal results: each job is submitted
 * through {@code org.apache.spark.deploy.SparkSubmit} exactly as {@code jobs/rastermill --master URL}
 * submits it (thin jar, {@code --jars} from {@code target/app-lib}, {@code conf/spark-defaults.conf}),
 * in client mode. Then one Worker and its executor are killed while the slope job runs: the job must
 * still finish, with output byte-equal to the local run and nothing else left in the output directory.
 *
 * <p>Runs in Maven's {@code integration-test} phase (after {@code package} has built the thin jar,
 * {@code target/lib} and {@code target/app-lib}). Event logs go to {@code <build dir>/cluster-it/events},
 * daemon and executor logs are printed when something fails. Every process is killed by id in
 * {@link #stopCluster()}, and its temporary directory deleted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    private static final int DEM_SIZE = 1536;
    private static final int BLOCK = 128;
    private static final long SUBMIT_TIMEOUT_S = 300;

    /**
     * Where a job's result is and how it is compared. Rasters are compared byte for byte (the COG writer is
     * deterministic). Reductions are compared as text whose numbers may differ in the last bits: Spark merges
     * the per-partition accumulators on the driver in the order the tasks finish, so a floating-point sum (a
     * mean, a standard deviation) can differ in its last digit between any two runs, local ones included;
     * counts and the other text must be equal.
     */
    enum Result {
        /** The file {@code outputName} (the last argument), byte for byte. */
        FILE,
        /** The file {@code outputName} (the last argument) as text, numbers within {@value #REL_TOLERANCE} relative. */
        FILE_TEXT,
        /** What the job prints on stdout, numbers within {@value #REL_TOLERANCE} relative. */
        STDOUT
    }

    private static final double REL_TOLERANCE = 1e-12;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    /**
     * One job run both ways. {@code args} gets the input directory and the output directory of the run;
     * for {@link Result#FILE} the output is the file {@code outputName} in that directory.
     */
    record ClusterJob(String name, Function<Path, List<String>> inputArgs, String outputName, Result result) {
        List<String> args(Path in, Path outDir) {
            List<String> a = new ArrayList<>(inputArgs.apply(in));
            if (result != Result.STDOUT) {
                a.add(outDir.resolve(outputName).toString());
            }
            return a;
        }
    }

    /** The jobs submitted to the cluster; add a line to submit one more (e.g. zonal --csv). */
    static final List<ClusterJob> JOBS = List.of(
            new ClusterJob(
                    "slope",
                    in -> List.of(
                            "slope", in.resolve("dem.tif").toString(), "--block", Integer.toString(BLOCK), "--quiet"),
                    "slope.tif",
                    Result.FILE),
            new ClusterJob(
                    "stats",
                    in -> List.of(
                            "stats",
                            in.resolve("dem.tif").toString(),
                            "--json",
                            "--histogram",
                            "--percentiles",
                            "5,50,95",
                            "--tile-size",
                            Integer.toString(BLOCK)),
                    null,
                    Result.STDOUT),
            // zonal statistics of the DEM per GeoJSON polygon (a 6 x 4 grid of rectangles), CSV after --csv
            new ClusterJob(
                    "zonal",
                    in -> List.of(
                            "zonal",
                            in.resolve("dem.tif").toString(),
                            "--polygons",
                            in.resolve("zones.geojson").toString(),
                            "--id-field",
                            "zone",
                            "--stats",
                            "count,nodata,sum,mean,min,max,stddev,median,p90",
                            "--tile-size",
                            Integer.toString(BLOCK),
                            "--csv"),
                    "zonal.csv",
                    Result.FILE_TEXT));

    private static Path root;
    private static Path in;
    private static InstallLayout layout;
    private static StandaloneCluster cluster;
    private static final Map<String, byte[]> LOCAL_RESULTS = new LinkedHashMap<>();

    @BeforeAll
    static void startCluster() throws Exception {
        Path buildDir = Path.of(System.getProperty("rastermill.test.build.dir", "target"));
        Path home = CliRun.projectHome();
        Path thinJar = Path.of(System.getProperty(
                "rastermill.test.thin.jar",
                buildDir.resolve("rastermill-" + VersionInfo.load().version() + ".jar")
                        .toString()));
        layout = new InstallLayout(home, thinJar);
        assertTrue(Files.isRegularFile(thinJar), thinJar + " missing: this test runs after 'mvn package'");
        assertTrue(Files.isDirectory(layout.libDir()), layout.libDir() + " missing");
        root = buildDir.resolve("cluster-it");
        StandaloneCluster.deleteTree(root);
        in = Files.createDirectories(root.resolve("in"));
        Files.createDirectories(root.resolve("events"));
        new SyntheticDem(DEM_SIZE).write(in.resolve("dem.tif").toString(), BLOCK);
        new io.rastermill.io.sample.SyntheticScene(DEM_SIZE).writeZones(in.resolve("zones.geojson"), 6, 4);
        String scala = System.getProperty("rastermill.spark.line", "2.12");
        cluster = StandaloneCluster.start(
                Files.createDirectories(root.resolve("cluster")),
                layout,
                JvmOptions.read(layout.jvmOptions()),
                scala,
                2,
                "1g");
    }

    @AfterAll
    static void stopCluster() throws IOException {
        try {
            if (cluster != null) {
                cluster.close();
            }
            // Nothing this test started may outlive it.
            List<ProcessHandle> left = ProcessHandle.current()
                    .descendants()
                    .filter(ProcessHandle::isAlive)
                    .toList();
            assertTrue(
                    left.isEmpty(),
                    "processes left behind: "
                            + left.stream()
                                    .map(h -> h.pid() + " "
                                            + h.info().commandLine().orElse("?"))
                                    .toList());
        } finally {
            // The event logs stay under the build directory for a failed run; the rest goes.
            StandaloneCluster.deleteTree(root.resolve("cluster"));
            StandaloneCluster.deleteTree(root.resolve("in"));
            StandaloneCluster.deleteTree(root.resolve("local"));
            StandaloneCluster.deleteTree(root.resolve("submitted"));
        }
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> clusterResultsEqualLocalResults() {
        return JOBS.stream()
                .map(job -> DynamicTest.dynamicTest(job.name(), () -> {
                    byte[] local = runLocal(job);
                    Submitted s = submit(job, "submitted/" + job.name(), Map.of(), null);
                    assertEquals(0, s.exitCode(), () -> job.name() + " on the cluster failed:\n" + s.describe());
                    byte[] remote = result(job, s.outDir(), s.stdout());
                    if (job.result() != Result.FILE) {
                        assertSameText(
                                new String(local, StandardCharsets.UTF_8),
                                new String(remote, StandardCharsets.UTF_8),
                                job.name() + ": cluster output differs from local mode");
                    } else {
                        assertArrayEquals(
                                local, remote, job.name() + ": cluster file differs from local mode, byte for byte");
                    }
                    String driverLog = Files.readString(s.stderr());
                    assertTrue(
                            driverLog.isEmpty() || !driverLog.contains("Exception"),
                            () -> "exceptions in the driver log:\n" + driverLog);
                }));
    }

    /**
     * Kills Worker 2 (and its executor) once a Spark job of the slope run has finished some tasks and is running
     * others on both executors; the lost tasks are retried on Worker 1 and the result is complete and byte-equal.
     */
    @Test
    @Order(2)
    void jobSurvivesALostWorker() throws Exception {
        ClusterJob slope = JOBS.get(0);
        byte[] local = runLocal(slope);
        int uiPort = StandaloneCluster.freePort();
        boolean[] killed = {false};
        int[] executorsKilled = {0};
        // Twelve partitions instead of one per core: several tasks per stage, so the kill falls between finished
        // and running ones. The output must not depend on the partitioning either: it is compared with local[2].
        Submitted s = submit(
                slope,
                "submitted/killed",
                Map.of(
                        "spark.ui.enabled",
                        "true",
                        "spark.ui.port",
                        Integer.toString(uiPort),
                        "spark.default.parallelism",
                        "12"),
                process -> {
                    if (!killed[0] && runningWithProgress(uiPort)) {
                        executorsKilled[0] = cluster.killWorker(2);
                        killed[0] = true;
                    }
                });
        assertTrue(killed[0], "the job finished before a worker could be killed; make it longer\n" + s.describe());
        assertTrue(executorsKilled[0] >= 1, "Worker 2 had no executor to kill");
        assertEquals(0, s.exitCode(), () -> "slope did not survive the lost worker:\n" + s.describe());
        assertArrayEquals(
                local, result(slope, s.outDir(), s.stdout()), "output after a lost worker differs from local mode");
        try (Stream<Path> files = Files.list(s.outDir())) {
            assertEquals(
                    List.of(slope.outputName()),
                    files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "only the result may be left in the output directory");
        }
        String events = eventLogOf(s);
        assertTrue(
                events.contains("\"Event\":\"SparkListenerExecutorRemoved\""),
                "the event log does not show the lost executor");
        assertTrue(events.contains("ExecutorLostFailure"), "no task was lost with the executor, so none was retried");
    }

    @Test
    @Order(0)
    void textComparisonToleratesOnlyLastBitsOfNumbers() {
        assertSameText(
                "{\"mean\" : 911.7812274370834, \"n\" : 12}", "{\"mean\" : 911.7812274370832, \"n\" : 12}", "ulp");
        assertThrows(AssertionFailedError.class, () -> assertSameText("mean 911.78", "mean 911.79", "value"));
        assertThrows(AssertionFailedError.class, () -> assertSameText("n 12", "n 13", "count"));
        assertThrows(AssertionFailedError.class, () -> assertSameText("a,1\n", "a,1\nb,2\n", "extra row"));
        assertThrows(AssertionFailedError.class, () -> assertSameText("zone a", "zone b", "text"));
    }

    /** Whether the driver's REST API shows a running job with finished and running tasks. */
    private static boolean runningWithProgress(int uiPort) throws InterruptedException {
        Optional<JsonNode> apps = cluster.getJson(URI.create("http://127.0.0.1:" + uiPort + "/api/v1/applications"));
        if (apps.isEmpty() || apps.get().size() == 0) {
            return false;
        }
        String id = apps.get().get(0).path("id").asText();
        Optional<JsonNode> jobs = cluster.getJson(
                URI.create("http://127.0.0.1:" + uiPort + "/api/v1/applications/" + id + "/jobs?status=running"));
        if (jobs.isEmpty()) {
            return false;
        }
        for (JsonNode job : jobs.get()) {
            if (job.path("numCompletedTasks").asInt() >= 2
                    && job.path("numActiveTasks").asInt() >= 2) {
                return true;
            }
        }
        return false;
    }

    private static byte[] runLocal(ClusterJob job) throws IOException {
        synchronized (LOCAL_RESULTS) {
            byte[] cached = LOCAL_RESULTS.get(job.name());
            if (cached != null) {
                return cached;
            }
        }
        Path outDir = Files.createDirectories(root.resolve("local").resolve(job.name()));
        List<String> args = new ArrayList<>(List.of("--conf", "spark.master=local[2]"));
        args.addAll(job.args(in, outDir));
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), () -> job.name() + " failed in local mode: " + r.err());
        byte[] result = result(job, outDir, r.out());
        LOCAL_RESULTS.put(job.name(), result);
        return result;
    }

    private static byte[] result(ClusterJob job, Path outDir, String stdout) throws IOException {
        return job.result() != Result.STDOUT
                ? Files.readAllBytes(outDir.resolve(job.outputName()))
                : stdout.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code actual} equals {@code expected} except that numbers may differ by {@link #REL_TOLERANCE} relative. */
    static void assertSameText(String expected, String actual, String message) {
        String skeleton = NUMBER.matcher(expected).replaceAll("#");
        assertEquals(skeleton, NUMBER.matcher(actual).replaceAll("#"), message + " (other than in numbers)");
        Matcher e = NUMBER.matcher(expected);
        Matcher a = NUMBER.matcher(actual);
        while (e.find() && a.find()) {
            double x = Double.parseDouble(e.group());
            double y = Double.parseDouble(a.group());
            assertTrue(
                    Math.abs(x - y) <= REL_TOLERANCE * Math.max(Math.abs(x), Math.abs(y)),
                    () -> message + ": " + e.group() + " vs " + a.group());
        }
    }

    /** A finished spark-submit run. */
    record Submitted(int exitCode, Path outDir, String stdout, Path stderr, String appId) {
        String describe() {
            String err;
            try {
                err = Files.readString(stderr);
            } catch (IOException e) {
                err = "(unreadable: " + e + ")";
            }
            return "---- driver stdout\n" + stdout + "\n---- driver stderr\n" + err + "\n" + cluster.logs();
        }
    }

    /** Something to do every 100 ms while the submitted job runs. */
    interface WhileRunning {
        void poll(Process submit) throws Exception;
    }

    /**
     * Submits {@code job} to the cluster the way {@code jobs/rastermill --master spark://…} does, with event
     * logging on, and waits for it (at most {@value #SUBMIT_TIMEOUT_S} s).
     */
    private static Submitted submit(
            ClusterJob job, String outName, Map<String, String> extraConf, WhileRunning whileRunning) throws Exception {
        Path outDir = Files.createDirectories(root.resolve(outName));
        Path events = root.resolve("events");
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.app.name", "rastermill-it-" + outName.replace('/', '-'));
        conf.put("spark.eventLog.enabled", "true");
        conf.put("spark.eventLog.dir", events.toUri().toString());
        // One plain JSON-lines file per application (Spark 4 defaults to rolled, compressed logs in a folder).
        conf.put("spark.eventLog.rolling.enabled", "false");
        conf.put("spark.eventLog.compress", "false");
        conf.put("spark.ui.enabled", "false");
        conf.putAll(extraConf);
        SubmitRequest request =
                new SubmitRequest(cluster.masterUrl(), "512m", "512m", conf, List.of(), job.args(in, outDir));
        List<String> command = SparkSubmitProcess.command(
                Optional.empty(),
                layout,
                JvmOptions.read(layout.jvmOptions()),
                "512m",
                SparkSubmitArguments.build(request, layout, layout.appLibJars()));
        Path stdout = root.resolve(outName + ".stdout");
        Path stderr = root.resolve(outName + ".stderr");
        List<Path> eventsBefore = listEvents(events);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(cluster.environment());
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SUBMIT_TIMEOUT_S);
            while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() > deadline) {
                    fail(job.name() + ": spark-submit did not finish within " + SUBMIT_TIMEOUT_S + " s\n"
                            + Files.readString(stderr) + "\n" + cluster.logs());
                }
                if (whileRunning != null) {
                    whileRunning.poll(p);
                }
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
        List<Path> newEvents = new ArrayList<>(listEvents(events));
        newEvents.removeAll(eventsBefore);
        String appId =
                newEvents.isEmpty() ? null : newEvents.get(0).getFileName().toString();
        return new Submitted(p.exitValue(), outDir, Files.readString(stdout), stderr, appId);
    }

    private static List<Path> listEvents(Path events) throws IOException {
        try (Stream<Path> files = Files.list(events)) {
            return files.sorted().toList();
        }
    }

    private static String eventLogOf(Submitted s) throws IOException {
        assertTrue(s.appId() != null, "no event log was written");
        return Files.readString(root.resolve("events").resolve(s.appId()));
    }
}
