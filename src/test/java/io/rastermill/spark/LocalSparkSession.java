package io.rastermill.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local Spark session shared by the tests of one class: Rastermill's local defaults on {@code local[2]},
 * started before the class's {@code @BeforeAll} methods and stopped after its {@code @AfterAll} methods.
 * <pre>{@code
 * @RegisterExtension
 * static final LocalSparkSession SPARK = new LocalSparkSession();
 * ... SPARK.session() ...
 * }</pre>
 * Stopping also forgets the session as the thread's active and the default one, so the next class (or a
 * command run in this JVM) builds a fresh session instead of finding a stopped one.
 */
public final class LocalSparkSession implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    private final SparkSettings settings;
    private SparkSession session;

    /** Rastermill's local defaults with master {@code local[2]}. */
    public LocalSparkSession() {
        this(RastermillSpark.localDefaults().with("spark.master", "local[2]", SettingSource.COMMAND_LINE));
    }

    private LocalSparkSession(SparkSettings settings) {
        this.settings = settings;
    }

    /** A fixture with one more setting, e.g. {@code with("spark.master", "local[2,4]")} to let Spark retry failed tasks. */
    public LocalSparkSession with(String key, String value) {
        return new LocalSparkSession(settings.with(key, value, SettingSource.COMMAND_LINE));
    }

    /** Four shuffle partitions instead of Spark's 200: the layers in tests shuffle only a handful of tiles. */
    public LocalSparkSession fewShufflePartitions() {
        return with("spark.sql.shuffle.partitions", "4");
    }

    /** Starts the session (for use outside JUnit's class lifecycle; close it afterwards). */
    public SparkSession start() {
        if (session != null) {
            throw new IllegalStateException("the local Spark session is already started");
        }
        // A live session an earlier test left as active or default would otherwise be reused with its settings.
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
        session = new RastermillSpark(settings).session();
        return session;
    }

    /** The running session. */
    public SparkSession session() {
        if (session == null) {
            throw new IllegalStateException("the local Spark session is not started: register the fixture with"
                    + " @RegisterExtension on a static field, or call start()");
        }
        return session;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Stops the session, if started, and forgets it as the active and the default session. */
    @Override
    public void close() {
        if (session == null) {
            return;
        }
        try {
            session.stop();
        } finally {
            session = null;
            SparkSession.clearActiveSession();
            SparkSession.clearDefaultSession();
        }
    }
}
