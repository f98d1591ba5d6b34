package io.rastermill.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on 127.0.0.1 for tests: one Master and N Workers (one core each),
 * each a child JVM started from the runtime classpath ({@code target/lib}), no Spark download.
 *
 * <p>A Worker launches executors with Spark's launcher code, which takes the executor's class path from
 * {@code $SPARK_HOME/jars/*} (and needs the Scala version from {@code SPARK_SCALA_VERSION}, since a
 * distribution's {@code launcher/target/scala-*} build directories are absent). So the cluster lays out
 * a temporary Spark home whose {@code jars/} holds symbolic links to the Spark jars of {@code target/lib}
 * — the jars of {@code target/lib} that are not in {@code target/app-lib}, i.e. what a Spark distribution
 * ships. The application's own jars (the thin jar and {@code --jars}) reach executors the way they do on
 * any cluster: served by the driver.
 *
 * <p>Every daemon's output goes to a log file under the cluster directory ({@link #logs()} shows their
 * tails for a failure message). {@link #close()} kills every process this object started, executors
 * included, by process id, and waits for them.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final List<String> javaPrefix;
    private final Map<String, String> environment;
    private final int masterPort;
    private final int masterUiPort;
    private final Process master;
    private final List<Worker> workers = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One Worker daemon and its work directory (where its executors run). */
    record Worker(int index, Process process, Path workDir, Path log) {}

    private StandaloneCluster(
            Path dir,
            List<String> javaPrefix,
            Map<String, String> environment,
            int masterPort,
            int masterUiPort,
            Process master) {
        this.dir = dir;
        this.javaPrefix = javaPrefix;
        this.environment = environment;
        this.masterPort = masterPort;
        this.masterUiPort = masterUiPort;
        this.master = master;
    }

    /**
     * Starts a Master and {@code workers} Workers (one core, {@code workerMemory} each) and waits until the
     * Master reports them all alive.
     *
     * @param dir          an empty directory for the Spark home, work directories and logs
     * @param layout       the build whose {@code lib/} and {@code app-lib/} give the classpath
     * @param jvmOptions   JVM flags for every daemon (conf/jvm-options)
     * @param scalaVersion the Scala binary version of the Spark build (2.12 or 2.13)
     */
    static StandaloneCluster start(
            Path dir,
            InstallLayout layout,
            List<String> jvmOptions,
            String scalaVersion,
            int workers,
            String workerMemory)
            throws IOException, InterruptedException {
        Path sparkHome = dir.resolve("spark-home");
        Path jars = Files.createDirectories(sparkHome.resolve("jars"));
        Set<String> appLib = layout.appLibJars().stream()
                .map(p -> p.getFileName().toString())
                .collect(Collectors.toSet());
        try (Stream<Path> lib = Files.list(layout.libDir())) {
            for (Path jar : lib.filter(p -> p.toString().endsWith(".jar")).toList()) {
                if (!appLib.contains(jar.getFileName().toString())) {
                    Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
                }
            }
        }
        Files.createDirectories(sparkHome.resolve("conf"));
        List<String> prefix = new ArrayList<>();
        prefix.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        prefix.addAll(jvmOptions);
        prefix.add("-Dlog4j.configurationFile=" + layout.log4jConfig());
        prefix.add("-Xmx256m");
        prefix.add("-cp");
        prefix.add(jars + "/*");
        Map<String, String> env = Map.of(
                "SPARK_HOME",
                sparkHome.toString(),
                "SPARK_SCALA_VERSION",
                scalaVersion,
                "SPARK_LOCAL_IP",
                "127.0.0.1",
                "SPARK_CONF_DIR",
                sparkHome.resolve("conf").toString());
        int port = freePort();
        int uiPort = freePort();
        Process master = launch(
                prefix,
                env,
                List.of(
                        "org.apache.spark.deploy.master.Master",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--webui-port",
                        Integer.toString(uiPort)),
                dir.resolve("master.log"));
        StandaloneCluster cluster = new StandaloneCluster(dir, prefix, env, port, uiPort, master);
        try {
            for (int i = 1; i <= workers; i++) {
                cluster.startWorker(i, workerMemory);
            }
            cluster.awaitAliveWorkers(workers);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startWorker(int index, String memory) throws IOException {
        Path workDir = Files.createDirectories(dir.resolve("worker-" + index));
        Path log = dir.resolve("worker-" + index + ".log");
        Process p = launch(
                javaPrefix,
                environment,
                List.of(
                        "org.apache.spark.deploy.worker.Worker",
                        "--host",
                        "127.0.0.1",
                        "--webui-port",
                        Integer.toString(freePort()),
                        "--cores",
                        "1",
                        "--memory",
                        memory,
                        "--work-dir",
                        workDir.toString(),
                        masterUrl()),
                log);
        workers.add(new Worker(index, p, workDir, log));
    }

    private static Process launch(List<String> prefix, Map<String, String> env, List<String> args, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static java.io.File nullFile() {
        return new java.io.File("/dev/null");
    }

    /** {@code spark://127.0.0.1:port}. */
    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The environment every cluster process runs with (SPARK_HOME, SPARK_LOCAL_IP, ...). */
    Map<String, String> environment() {
        return environment;
    }

    List<Worker> workers() {
        return List.copyOf(workers);
    }

    /** The Master's view of the cluster ({@code /json} of its web UI). */
    JsonNode masterState() throws IOException, InterruptedException {
        return getJson(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                .orElseThrow(() -> new IOException("the Master's web UI on port " + masterUiPort + " does not answer"));
    }

    /** GET {@code uri} as JSON; empty if nothing answers there (yet). */
    Optional<JsonNode> getJson(URI uri) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(new ObjectMapper().readTree(r.body()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void awaitAliveWorkers(int n) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!master.isAlive()) {
                throw new IllegalStateException("the Spark Master exited with " + master.exitValue() + "\n" + logs());
            }
            for (Worker w : workers) {
                if (!w.process().isAlive()) {
                    throw new IllegalStateException("Spark Worker " + w.index() + " exited with "
                            + w.process().exitValue() + "\n" + logs());
                }
            }
            Optional<JsonNode> state = getJson(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"));
            if (state.isPresent() && state.get().path("aliveworkers").asInt() == n) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "the Master did not report " + n + " alive workers within " + START_TIMEOUT + "\n" + logs());
    }

    /**
     * Kills Worker {@code index} and the executor JVMs it launched (SIGKILL, as a lost machine), and
     * returns how many executor processes were killed with it.
     */
    int killWorker(int index) throws InterruptedException {
        Worker w = workers.stream().filter(x -> x.index() == index).findFirst().orElseThrow();
        List<ProcessHandle> executors = w.process().descendants().toList();
        for (ProcessHandle h : executors) {
            h.destroyForcibly();
        }
        w.process().destroyForcibly();
        for (ProcessHandle h : executors) {
            h.onExit().join();
        }
        w.process().waitFor();
        return executors.size();
    }

    /** The last lines of every daemon log and executor stderr, for failure messages. */
    String logs() {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")
                            || p.getFileName().toString().equals("stderr"))
                    .sorted()
                    .toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                b.append("---- ").append(dir.relativize(f)).append(" (last 30 lines)\n");
                lines.subList(Math.max(0, lines.size() - 30), lines.size())
                        .forEach(l -> b.append(l).append('\n'));
            }
        } catch (IOException | UncheckedIOException e) {
            b.append("(cannot read the logs: ").append(e.getMessage()).append(")\n");
        }
        return b.toString();
    }

    /** Kills every process this cluster started (executors, workers, master) by id and waits for them. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Worker w : workers) {
            all.addAll(w.process().descendants().toList());
            all.add(w.process().toHandle());
        }
        all.addAll(master.descendants().toList());
        all.add(master.toHandle());
        for (ProcessHandle h : all) {
            h.destroyForcibly();
        }
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // already reported below by isAlive
            }
        }
        List<Long> alive = all.stream()
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid)
                .toList();
        if (!alive.isEmpty()) {
            throw new IllegalStateException("Spark processes still alive after kill: " + alive);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /** Deletes {@code root} and everything under it (symbolic links themselves, never their targets). */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
