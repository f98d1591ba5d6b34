package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The out-of-memory line: where it happened, the heap, and the setting of the mode that raises it. */
class OutOfMemoryAdviceTest {
    private static final long MIB = 1L << 20;
    /** What -Xmx3g reports as maxMemory() under ParallelGC (one survivor space less). */
    private static final long HEAP_3G = 2731 * MIB;

    @Test
    void suggestsTwiceTheHeapInWholeGibibytes() {
        assertEquals("6g", OutOfMemoryAdvice.doubled(HEAP_3G));
        assertEquals("2g", OutOfMemoryAdvice.doubled(1024 * MIB));
        assertEquals("3g", OutOfMemoryAdvice.doubled(1536 * MIB));
        assertEquals("1g", OutOfMemoryAdvice.doubled(100 * MIB));
    }

    @Test
    void aTaskInLocalModeNamesTheLaunchersHeapSettings() {
        assertEquals(
                "out of memory in level 0 of /o.tif: raise the heap with --driver-memory 6g or RASTERMILL_HEAP=6g"
                        + " (in local mode this JVM holds Spark's driver and every running task), or run fewer tasks at once"
                        + " with --conf spark.master=local[1]",
                OutOfMemoryAdvice.forTask("out of memory in level 0 of /o.tif", HEAP_3G, true));
    }

    @Test
    void aTaskOnAClusterNamesTheExecutorMemory() {
        assertEquals(
                "out of memory in level 0 of /o.tif: raise --executor-memory (e.g. 2g), or lower spark.executor.cores"
                        + " (fewer tasks share an executor's heap)",
                OutOfMemoryAdvice.forTask("out of memory in level 0 of /o.tif", 1024 * MIB, false));
    }

    @Test
    void theDriverNamesDriverMemoryInBothModes() {
        assertEquals(
                "out of memory in the driver (heap of 2731 MiB): raise the heap with --driver-memory 6g or RASTERMILL_HEAP=6g",
                OutOfMemoryAdvice.forDriver(HEAP_3G, true));
        assertEquals(
                "out of memory in the driver (heap of 2731 MiB): raise --driver-memory (e.g. 6g)",
                OutOfMemoryAdvice.forDriver(HEAP_3G, false));
    }

    @Test
    void aTaskFailureInSparksAbortTextIsFoundWithItsOwnHeap() {
        // the shape of Spark's job-abort message when the task's exception arrived only as text
        RuntimeException abort = new RuntimeException(
                "Job aborted due to stage failure: Task 2 in stage 0.0 failed 1 times,"
                        + " most recent failure: Lost task 2.0 in stage 0.0 (TID 2) (host executor driver):"
                        + " io.rastermill.spark.TaskOutOfMemoryException: out of memory in level 0 of /o.tif, task 2 of stage 0"
                        + " (Java heap space, heap of 1024 MiB)\n\tat io.rastermill.spark.write.LevelTask$Run.advance(LevelTask.java:150)\n");
        Optional<String> line =
                OutOfMemoryAdvice.line(new IllegalStateException("write failed", abort), HEAP_3G, false);
        assertEquals(
                Optional.of(
                        "out of memory in level 0 of /o.tif, task 2 of stage 0 (Java heap space, heap of 1024 MiB):"
                                + " raise --executor-memory (e.g. 2g), or lower spark.executor.cores (fewer tasks share an executor's heap)"),
                line);
    }

    @Test
    void anOutOfMemoryErrorOnTheDriverIsTheDriversHeap() {
        // as RastermillCommand rethrows it: picocli's ExecutionException around the error
        CommandLine.ExecutionException e = new CommandLine.ExecutionException(
                new CommandLine(new RastermillCommand(null)), "out of memory", new OutOfMemoryError("Java heap space"));
        assertEquals(Optional.of(OutOfMemoryAdvice.forDriver(HEAP_3G, true)), OutOfMemoryAdvice.line(e, HEAP_3G, true));
    }

    @Test
    void sparksOwnReportOfAnOutOfMemoryErrorIsATask() {
        RuntimeException abort = new RuntimeException(
                "Job aborted: Exception while getting task result:" + " java.lang.OutOfMemoryError: Java heap space");
        assertEquals(
                Optional.of(OutOfMemoryAdvice.forTask("out of memory in a Spark task", HEAP_3G, true)),
                OutOfMemoryAdvice.line(abort, HEAP_3G, true));
    }

    @Test
    void otherErrorsAreNotOutOfMemory() {
        assertEquals(
                Optional.empty(),
                OutOfMemoryAdvice.line(
                        new IllegalStateException("dem.tif: no such file", new IOException("memory card ejected")),
                        HEAP_3G,
                        true));
    }
}
