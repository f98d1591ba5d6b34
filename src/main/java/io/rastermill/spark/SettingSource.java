package io.rastermill.spark;

/** Where a Spark setting came from, from weakest to strongest. */
public enum SettingSource {
    /** Chosen by Spark itself because nobody set it. */
    SPARK_DEFAULT("Spark default"),
    /** Set by Rastermill because nothing else did (see {@link RastermillSpark#localDefaults()}). */
    BUILT_IN("built-in default"),
    /** Read from {@code conf/spark-defaults.conf}. */
    DEFAULTS_FILE("conf/spark-defaults.conf"),
    /** Read from {@code conf/rastermill.properties} (Rastermill's own defaults). */
    RASTERMILL_FILE("conf/rastermill.properties"),
    /** Read from a job's properties file ({@code jobs/rastermill --properties FILE}). */
    JOB_PROPERTIES("job properties"),
    /** Handed in by spark-submit as a {@code spark.*} system property (its command line or properties file). */
    SPARK_SUBMIT("spark-submit"),
    /** Given on the Rastermill command line ({@code --conf}, {@code --jars}, {@code --executor-memory}). */
    COMMAND_LINE("command line");

    private final String label;

    SettingSource(String label) {
        this.label = label;
    }

    /** The short human-readable name printed by {@code rastermill config}. */
    public String label() {
        return label;
    }
}
