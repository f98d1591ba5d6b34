package io.rastermill.jobs;

import io.rastermill.spark.IoMetrics;
import io.rastermill.spark.layer.TileLayer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.collection.Iterator;

/**
 * A console progress line for a long job, read from Spark's status tracker every half second:
 * tiles done / total (from an accumulator the job's tile functions count into), MB read from the
 * inputs and written to the outputs (the {@link IoMetrics} accumulators of finished tasks, summed by
 * a listener), tasks of the running stages, rate and ETA. On a terminal it rewrites one line on stderr;
 * elsewhere (a spark-submit driver, a log file) it logs a line every 10 seconds to the driver log
 * (logger {@code io.rastermill.jobs.ProgressLine}, INFO). Closing it prints the final line.
 */
final class ProgressLine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressLine.class);
    private static final long TERMINAL_PERIOD_MS = 500;
    private static final long LOG_PERIOD_MS = 10_000;

    private final SparkContext sc;
    private final String label;
    private final long totalTiles;
    private final LongAccumulator tiles;
    private final PrintStream out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final Thread thread;
    private final IoListener io = new IoListener();
    private volatile boolean running = true;

    /** Sums the byte accumulators of finished tasks by name. */
    static final class IoListener extends SparkListener {
        final LongAdder read = new LongAdder();
        final LongAdder written = new LongAdder();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            if (taskEnd.taskInfo() == null || !taskEnd.taskInfo().successful()) {
                return;
            }
            Iterator<AccumulableInfo> it = taskEnd.taskInfo().accumulables().iterator();
            while (it.hasNext()) {
                AccumulableInfo a = it.next();
                if (a.name().isEmpty() || a.update().isEmpty() || !(a.update().get() instanceof Long n)) {
                    continue;
                }
                if (IoMetrics.BYTES_READ.equals(a.name().get())) {
                    read.add(n);
                } else if (IoMetrics.BYTES_WRITTEN.equals(a.name().get())) {
                    written.add(n);
                }
            }
        }
    }

    private ProgressLine(SparkContext sc, String label, long totalTiles, PrintStream out, boolean terminal) {
        this.sc = sc;
        this.label = label;
        this.totalTiles = totalTiles;
        this.tiles = sc.longAccumulator("rastermill tiles: " + label);
        this.out = out;
        this.terminal = terminal;
        this.thread = new Thread(this::loop, "rastermill-progress");
        this.thread.setDaemon(true);
    }

    /** Starts a progress line, or a silent counter when {@code quiet}. */
    static ProgressLine start(SparkContext sc, String label, long totalTiles, boolean quiet) {
        ProgressLine p = new ProgressLine(sc, label, totalTiles, System.err, System.console() != null);
        if (!quiet) {
            sc.addSparkListener(p.io);
            p.thread.start();
        } else {
            p.running = false;
        }
        return p;
    }

    /** The accumulator the job's tile functions add 1 to per finished tile. */
    LongAccumulator tiles() {
        return tiles;
    }

    /** {@code layer}, counting each tile into this line as it is computed. */
    TileLayer counted(TileLayer layer) {
        LongAccumulator done = tiles; // the closure takes the accumulator, not this line
        return layer.mapTiles(t -> {
            done.add(1);
            return t;
        });
    }

    /** {@link #counted(TileLayer)} of each band. */
    List<TileLayer> counted(List<TileLayer> bands) {
        List<TileLayer> out = new ArrayList<>(bands.size());
        for (TileLayer band : bands) {
            out.add(counted(band));
        }
        return out;
    }

    private void loop() {
        long lastLog = 0;
        while (running) {
            try {
                Thread.sleep(TERMINAL_PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            if (terminal) {
                out.print("\r" + line(now) + "   ");
                out.flush();
            } else if ((now - lastLog) / 1_000_000 >= LOG_PERIOD_MS) {
                LOG.info(line(now));
                lastLog = now;
            }
        }
    }

    String line(long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        long done = Math.min(tiles.value(), totalTiles);
        int tasksDone = 0;
        int tasks = 0;
        SparkStatusTracker tracker = sc.statusTracker();
        for (int id : tracker.getActiveStageIds()) {
            Option<SparkStageInfo> info = tracker.getStageInfo(id);
            if (info.isDefined()) {
                tasksDone += info.get().numCompletedTasks();
                tasks += info.get().numTasks();
            }
        }
        double rate = done / seconds;
        String eta = done > 0 && done < totalTiles
                ? String.format(Locale.ROOT, ", ETA %.0f s", (totalTiles - done) / rate)
                : "";
        return String.format(
                Locale.ROOT,
                "%s: %d/%d tiles (%.0f%%), %.1f tiles/s, read %.1f MB, wrote %.1f MB," + " tasks %d/%d, %.0f s%s",
                label,
                done,
                totalTiles,
                100.0 * done / Math.max(1, totalTiles),
                rate,
                io.read.sum() / 1e6,
                io.written.sum() / 1e6,
                tasksDone,
                tasks,
                seconds,
                eta);
    }

    @Override
    public void close() {
        boolean wasRunning = running;
        running = false;
        thread.interrupt();
        if (wasRunning) {
            sc.removeSparkListener(io);
            if (terminal) {
                out.print("\r" + line(System.nanoTime()) + System.lineSeparator());
                out.flush();
            } else {
                LOG.info(line(System.nanoTime()));
            }
        }
    }
}
