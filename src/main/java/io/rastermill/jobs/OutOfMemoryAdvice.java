package io.rastermill.jobs;

import io.rastermill.spark.TaskOutOfMemoryException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line printed when a command ran out of heap: where (a task's phase, or the driver), how large the heap was,
 * and the setting that raises it. In local mode (the default) Spark's driver and all running tasks share the
 * launcher's JVM, whose heap {@code --driver-memory} or {@code RASTERMILL_HEAP} sets; under spark-submit a task's
 * heap is {@code --executor-memory} and the driver's {@code --driver-memory}.
 */
final class OutOfMemoryAdvice {

    private static final long GIB = 1L << 30;
    private static final Pattern TASK_LINE =
            Pattern.compile(Pattern.quote(TaskOutOfMemoryException.PREFIX) + "[^\\n]*");
    private static final Pattern HEAP = Pattern.compile("heap of (\\d+) MiB\\)");

    private OutOfMemoryAdvice() {}

    /**
     * The line for {@code ex} if it is (or wraps, or reports from a task) an out-of-memory error, else empty.
     *
     * @param driverHeapBytes the maximum heap of this JVM (the driver)
     * @param local           whether the command ran in local mode (driver and tasks in this JVM)
     */
    static Optional<String> line(Throwable ex, long driverHeapBytes, boolean local) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TaskOutOfMemoryException e) {
                return Optional.of(forTask(e.getMessage(), e.maxHeapBytes(), local));
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            Matcher task = m == null ? null : TASK_LINE.matcher(m);
            if (task != null && task.find()) {
                // a task's exception that reached the driver only as text in Spark's job-abort message
                Matcher heap = HEAP.matcher(task.group());
                long bytes = heap.find() ? Long.parseLong(heap.group(1)) << 20 : driverHeapBytes;
                return Optional.of(forTask(task.group().strip(), bytes, local));
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return Optional.of(forDriver(driverHeapBytes, local));
            }
            if (t.getMessage() != null && t.getMessage().contains(OutOfMemoryError.class.getName())) {
                // Spark's own report of a task or result fetch that ran out (not our task code)
                return Optional.of(forTask("out of memory in a Spark task", local ? driverHeapBytes : 0, local));
            }
        }
        return Optional.empty();
    }

    /** A task ran out: {@code what} says where ("out of memory in level 0 of ..."), {@code heapBytes} its heap (0: unknown). */
    static String forTask(String what, long heapBytes, boolean local) {
        if (local) {
            return what + ": raise the heap with " + localSettings(heapBytes)
                    + " (in local mode this JVM holds Spark's driver and every running task), or run fewer tasks at once"
                    + " with --conf spark.master=local[1]";
        }
        return what + ": raise --executor-memory" + suggestion(heapBytes, " (e.g. %s)")
                + ", or lower spark.executor.cores (fewer tasks share an executor's heap)";
    }

    /** The driver ran out. */
    static String forDriver(long heapBytes, boolean local) {
        String what = TaskOutOfMemoryException.PREFIX + "the driver (heap of " + (heapBytes >> 20) + " MiB)";
        if (local) {
            return what + ": raise the heap with " + localSettings(heapBytes);
        }
        return what + ": raise --driver-memory" + suggestion(heapBytes, " (e.g. %s)");
    }

    private static String localSettings(long heapBytes) {
        String size = heapBytes > 0 ? doubled(heapBytes) : "8g";
        return "--driver-memory " + size + " or RASTERMILL_HEAP=" + size;
    }

    private static String suggestion(long heapBytes, String format) {
        return heapBytes > 0 ? String.format(Locale.ROOT, format, doubled(heapBytes)) : "";
    }

    /** Twice {@code heapBytes}, rounded up to whole GiB, as a JVM/Spark size ("6g"). */
    static String doubled(long heapBytes) {
        return ((2 * heapBytes + GIB - 1) / GIB) + "g";
    }
}
