package io.rastermill.spark;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkExecutorInfo;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkStatusTracker;

/**
 * Waits, by Spark's status tracker, for tasks that are still running after their job failed: Spark reports a
 * cancelled task ended only after its own clean-up, so once none runs nothing touches the job's files or the
 * context any more.
 */
public final class RunningTasks {
    private static final long POLL_MILLIS = 50;

    private RunningTasks() {}

    /** Waits (at most {@code timeoutMillis}) until no executor runs a task. */
    public static void awaitNone(SparkContext sc, long timeoutMillis) {
        await(() -> anyRunning(sc), timeoutMillis);
    }

    /** Waits (at most {@code timeoutMillis}) until no stage of the job group {@code group} has a running task. */
    public static void awaitNoneInGroup(JavaSparkStatusTracker tracker, String group, long timeoutMillis) {
        await(() -> anyRunning(tracker, group), timeoutMillis);
    }

    private static void await(BooleanSupplier running, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (running.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean anyRunning(SparkContext sc) {
        for (SparkExecutorInfo executor : sc.statusTracker().getExecutorInfos()) {
            if (executor.numRunningTasks() > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyRunning(JavaSparkStatusTracker tracker, String group) {
        for (int job : tracker.getJobIdsForGroup(group)) {
            SparkJobInfo info = tracker.getJobInfo(job);
            if (info == null) {
                continue;
            }
            for (int stage : info.stageIds()) {
                SparkStageInfo si = tracker.getStageInfo(stage);
                if (si != null && si.numActiveTasks() > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
