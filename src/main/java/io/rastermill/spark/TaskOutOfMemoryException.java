package io.rastermill.spark;

import java.util.Locale;
import org.apache.spark.TaskContext;

/**
 * A task ran out of heap. Task code catches its {@link OutOfMemoryError} and throws this instead, for two reasons:
 * Spark treats an {@code OutOfMemoryError} in a task as fatal and exits the executor JVM (exit code 52) — in local
 * mode that is the command's own JVM, which would then die with a stack trace and no word on what to raise — while
 * this exception fails the task like any other, so the job aborts and the command prints one line naming the phase,
 * the heap and the setting to raise (the stack has unwound by then, so the heap is free again to report it).
 * The error is deliberately not its cause: Spark also searches a task failure's cause chain for fatal errors
 * ({@code spark.executor.killOnFatalError.depth}) and would exit all the same.
 */
public final class TaskOutOfMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The start of every message: how the driver recognises it inside Spark's job-abort text. */
    public static final String PREFIX = "out of memory in ";

    private final long maxHeapBytes;

    private TaskOutOfMemoryException(String message, long maxHeapBytes) {
        super(message);
        this.maxHeapBytes = maxHeapBytes;
    }

    /** {@code error}, thrown in the current task while doing {@code phase} (e.g. "level 0 of /out/slope.tif"). */
    public static TaskOutOfMemoryException of(String phase, OutOfMemoryError error) {
        TaskContext tc = TaskContext.get();
        String task =
                tc == null ? "" : String.format(Locale.ROOT, ", task %d of stage %d", tc.partitionId(), tc.stageId());
        long max = Runtime.getRuntime().maxMemory();
        TaskOutOfMemoryException e = new TaskOutOfMemoryException(
                PREFIX + phase + task + " (" + error.getMessage() + ", heap of " + mebibytes(max) + " MiB)", max);
        e.setStackTrace(error.getStackTrace()); // where the allocation failed, for --debug
        return e;
    }

    /** The maximum heap of the JVM that ran out, in bytes. */
    public long maxHeapBytes() {
        return maxHeapBytes;
    }

    static long mebibytes(long bytes) {
        return bytes >> 20;
    }
}
