package io.rastermill.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * Starts (or attaches to) the {@link SparkSession} Rastermill runs with, from a {@link SparkSettings}
 * value, and reports the effective configuration.
 *
 * <p>The session is created lazily by {@link #session()}, so commands that never need Spark never start
 * it. {@link #close()} stops the session only if this object created it; a session that was already
 * running (a notebook, a test harness) is left alone.
 *
 * <p>Not thread-safe: one instance per command run, used from the driver thread.
 */
public final class RastermillSpark implements AutoCloseable {
    /** How long {@link #close()} waits for tasks still running (a failed job's siblings). */
    private static final long DRAIN_MILLIS = 10_000;

    /** Spark's Kryo serializer class name. */
    public static final String KRYO_SERIALIZER = "org.apache.spark.serializer.KryoSerializer";
    /** The application name Rastermill uses unless told otherwise. */
    public static final String APP_NAME = "rastermill";
    /** The master of the in-process local mode. */
    public static final String LOCAL_MASTER = "local[*]";

    private static final String SPARK_MASTER = "spark.master";
    private static final Set<String> REPORTED =
            Set.of(SPARK_MASTER, "spark.app.name", "spark.serializer", "spark.default.parallelism");

    private final SparkSettings settings;
    private SparkSession session;
    private boolean ownsSession;

    /** A launcher for {@code settings}; nothing starts until {@link #session()}. */
    public RastermillSpark(SparkSettings settings) {
        this.settings = settings;
    }

    /**
     * Settings every run gets unless something overrides them: the app name, the Kryo serializer and
     * Rastermill's registrator (compact tile encoding). Registration is not required, because Spark's
     * own classes that travel in shuffles are not all registered.
     */
    public static SparkSettings commonDefaults() {
        return SparkSettings.empty()
                .with("spark.app.name", APP_NAME, SettingSource.BUILT_IN)
                .with("spark.serializer", KRYO_SERIALIZER, SettingSource.BUILT_IN)
                .with("spark.kryo.registrator", RastermillKryoRegistrator.class.getName(), SettingSource.BUILT_IN)
                .with("spark.kryo.registrationRequired", "false", SettingSource.BUILT_IN);
    }

    /**
     * {@link #commonDefaults()} plus what the in-process local mode needs: master {@value #LOCAL_MASTER}
     * and no web UI (a laptop run rarely wants a port opened; {@code --conf spark.ui.enabled=true} turns
     * it back on).
     */
    public static SparkSettings localDefaults() {
        return commonDefaults()
                .with(SPARK_MASTER, LOCAL_MASTER, SettingSource.BUILT_IN)
                .with("spark.ui.enabled", "false", SettingSource.BUILT_IN)
                .with(KILL_ON_FATAL_ERROR_DEPTH, "0", SettingSource.BUILT_IN);
    }

    /**
     * How deep in a failed task's exception chain Spark's executor looks for a fatal error (an
     * {@link OutOfMemoryError} among them) before it exits its JVM with code 52. On a cluster that restarts
     * one executor; in local mode the executor is the driver's own JVM, so a task that ran out of heap in
     * Spark's code (a shuffle, a sort) would end the command with a stack trace and no error line. At 0 the
     * task just fails, the job aborts with the error's text and the command prints what to raise.
     */
    static final String KILL_ON_FATAL_ERROR_DEPTH = "spark.executor.killOnFatalError.depth";

    /** Whether this JVM was started by spark-submit, which sets the {@code spark.master} system property. */
    public static boolean runsUnderSparkSubmit(Properties systemProperties) {
        return systemProperties.getProperty(SPARK_MASTER) != null;
    }

    /**
     * {@code base} plus every {@code spark.*} system property, marked as coming from spark-submit; with a local
     * master also the local mode's {@value #KILL_ON_FATAL_ERROR_DEPTH} of 0 unless one was submitted.
     */
    public static SparkSettings withSubmittedProperties(SparkSettings base, Properties systemProperties) {
        SparkSettings result = base;
        for (String key : new TreeSet<>(systemProperties.stringPropertyNames())) {
            if (key.startsWith("spark.")) {
                result = result.with(key, systemProperties.getProperty(key), SettingSource.SPARK_SUBMIT);
            }
        }
        String master = systemProperties.getProperty(SPARK_MASTER);
        if (master != null
                && master.startsWith("local")
                && systemProperties.getProperty(KILL_ON_FATAL_ERROR_DEPTH) == null) {
            // spark-submit --master local[N]: one JVM as in the in-process local mode
            result = result.with(KILL_ON_FATAL_ERROR_DEPTH, "0", SettingSource.BUILT_IN);
        }
        return result;
    }

    /** The settings this launcher starts Spark with. */
    public SparkSettings settings() {
        return settings;
    }

    /** Whether {@link #session()} has been called. */
    public boolean started() {
        return session != null;
    }

    /** The session: created from the settings on first call, or the already active one. */
    public SparkSession session() {
        if (session == null) {
            // A session stopped earlier may linger as the thread's active or the default session;
            // getOrCreate replaces it, so it does not count as someone else's live session.
            ownsSession = !isLive(SparkSession.getActiveSession()) && !isLive(SparkSession.getDefaultSession());
            SparkConf conf = new SparkConf(false);
            for (Map.Entry<String, SparkSettings.Setting> e : settings.asMap().entrySet()) {
                conf.set(e.getKey(), e.getValue().value());
            }
            session = SparkSession.builder().config(conf).getOrCreate();
        }
        return session;
    }

    private static boolean isLive(Option<SparkSession> session) {
        return session.isDefined() && !session.get().sparkContext().isStopped();
    }

    /**
     * The effective configuration of the running session (starting it if needed): master, app name,
     * serializer, default parallelism and Spark version first, then every other setting Rastermill passed.
     */
    public List<EffectiveSetting> effectiveConfiguration() {
        SparkSession spark = session();
        SparkContext sc = spark.sparkContext();
        SparkConf conf = sc.getConf();
        List<EffectiveSetting> result = new ArrayList<>();
        result.add(effective("spark.master", sc.master()));
        result.add(effective("spark.app.name", sc.appName()));
        result.add(effective(
                "spark.serializer", conf.get("spark.serializer", "org.apache.spark.serializer.JavaSerializer")));
        result.add(effective("spark.default.parallelism", Integer.toString(sc.defaultParallelism())));
        result.add(new EffectiveSetting("Spark version", spark.version(), "runtime"));
        for (String key : settings.asMap().keySet()) {
            if (!REPORTED.contains(key)) {
                result.add(effective(key, conf.contains(key) ? conf.get(key) : "(unset)"));
            }
        }
        return result;
    }

    private EffectiveSetting effective(String key, String value) {
        String source = settings.get(key)
                .map(s -> s.value().equals(value)
                        ? s.source().label()
                        : ownsSession ? s.source().label() + ", adjusted by Spark" : "existing SparkSession")
                .orElse(SettingSource.SPARK_DEFAULT.label());
        return new EffectiveSetting(key, value, source);
    }

    /**
     * Stops the session if this object created it, once no task runs any more (at most {@link #DRAIN_MILLIS}): when
     * a job fails, its other tasks are still being cancelled, and stopping under them makes them log traces of
     * their own (no SparkEnv, deleted shuffle files) after the command's one-line error.
     */
    @Override
    public void close() {
        if (session != null && ownsSession) {
            RunningTasks.awaitNone(session.sparkContext(), DRAIN_MILLIS);
            session.stop();
            // stop() does not forget the session at once; a later run in this JVM must build a fresh one.
            SparkSession.clearActiveSession();
            SparkSession.clearDefaultSession();
        }
        session = null;
    }
}
