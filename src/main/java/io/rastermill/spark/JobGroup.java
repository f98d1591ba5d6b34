package io.rastermill.spark;

import org.apache.spark.SparkContext;

/**
 * A Spark job group for the jobs a library step runs, restoring the caller's group, description and
 * interrupt flag when closed. {@code SparkContext.setJobGroup} is a thread-local setting that outlives
 * the call: a step that set it and only cleared it would take over, or wipe, the group of whoever
 * called it (Zeppelin runs each paragraph in a group of its own for its progress bar and cancel button).
 *
 * <pre>{@code
 * try (JobGroup g = JobGroup.enter(sc, "rastermill layer read dem", "read dem ← hdfs://…", false)) {
 *     ... run Spark jobs ...
 * }
 * }</pre>
 */
public final class JobGroup implements AutoCloseable {
    private static final String ID = "spark.jobGroup.id";
    private static final String DESCRIPTION = "spark.job.description";
    private static final String INTERRUPT = "spark.job.interruptOnCancel";

    private final SparkContext sc;
    private final String id;
    private final String previousId;
    private final String previousDescription;
    private final String previousInterrupt;

    private JobGroup(SparkContext sc, String id) {
        this.sc = sc;
        this.id = id;
        this.previousId = sc.getLocalProperty(ID);
        this.previousDescription = sc.getLocalProperty(DESCRIPTION);
        this.previousInterrupt = sc.getLocalProperty(INTERRUPT);
    }

    /** Sets the group {@code id} with {@code description} on this thread until {@link #close}. */
    public static JobGroup enter(SparkContext sc, String id, String description, boolean interruptOnCancel) {
        JobGroup g = new JobGroup(sc, id);
        sc.setJobGroup(id, description, interruptOnCancel);
        return g;
    }

    public String id() {
        return id;
    }

    /** Restores the caller's job group, description and interrupt flag (null values remove them). */
    @Override
    public void close() {
        sc.setLocalProperty(ID, previousId);
        sc.setLocalProperty(DESCRIPTION, previousDescription);
        sc.setLocalProperty(INTERRUPT, previousInterrupt);
    }
}
