package io.rastermill.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Silences, for one local-mode command run without {@code --debug}, the Spark loggers that report a failed
 * task with its stack trace: in local mode the executor and the task scheduler live in the command's JVM,
 * so a corrupt tile found in a task would print several traces before {@link ErrorReport}'s one line.
 * The levels are restored on {@link #close()} (a JVM may run several commands). Executors of a cluster
 * and drivers on a cluster master keep their logs: the loggers are only touched for a {@code local} master.
 */
final class LocalTaskLogs implements AutoCloseable {
    /** The loggers that log task failures (with traces) on the way to the job's failure. */
    static final List<String> TASK_FAILURE_LOGGERS = List.of(
            "org.apache.spark.executor.Executor", // "Exception in task 0.0 in stage 1.0" + trace
            "org.apache.spark.scheduler.TaskSetManager", // "Lost task ..." + trace, "Task 0 in stage 1.0 failed 1
            // times"
            "org.apache.spark.scheduler.TaskSchedulerImpl",
            "org.apache.spark.scheduler.DAGScheduler", // Spark 4: "Failed to cancel job group" after a failed job
            // "Error occurred while fetching local blocks" + trace: a task still running when its job failed
            // reads shuffle files the failure's clean-up already deleted (seen in CI, a race)
            "org.apache.spark.storage.ShuffleBlockFetcherIterator");

    private final Map<String, Level> previous = new LinkedHashMap<>();

    private LocalTaskLogs() {}

    /** Quiets the task-failure loggers if {@code master} is local and {@code debug} is off; else changes nothing. */
    static LocalTaskLogs quiet(String master, boolean debug) {
        LocalTaskLogs logs = new LocalTaskLogs();
        if (!debug && master != null && master.startsWith("local")) {
            for (String name : TASK_FAILURE_LOGGERS) {
                logs.previous.put(name, LogManager.getLogger(name).getLevel());
                Configurator.setLevel(name, Level.OFF);
            }
        }
        return logs;
    }

    @Override
    public void close() {
        previous.forEach(Configurator::setLevel);
        previous.clear();
    }
}
