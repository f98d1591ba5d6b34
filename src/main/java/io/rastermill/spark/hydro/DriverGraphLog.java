package io.rastermill.spark.hydro;

import io.rastermill.core.hydro.TileGrid;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkExecutorInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The size of each perimeter graph the driver solves, at debug level ({@code --debug} on the hydrology
 * commands): its nodes, the bytes of the tile summaries it was built from, and the driver's heap in use
 * after a garbage collection, less the cached blocks (in local mode the executor's block store shares
 * the driver's heap). This is how the README's figures of driver memory against tile size were taken.
 */
final class DriverGraphLog {
    private static final Logger LOG = LoggerFactory.getLogger(DriverGraphLog.class);
    private static final double MIB = 1024.0 * 1024.0;

    private DriverGraphLog() {}

    static void solved(String what, TileGrid grid, long nodes, long summaryBytes, SparkContext sc) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        Runtime rt = Runtime.getRuntime();
        System.gc(); // debug only: a heap figure without the garbage of the tasks
        long used = rt.totalMemory() - rt.freeMemory();
        long cached = 0;
        for (SparkExecutorInfo e : sc.statusTracker().getExecutorInfos()) {
            cached += e.usedOnHeapStorageMemory();
        }
        LOG.debug(String.format(
                Locale.ROOT,
                "%s: %dx%d raster in %d tiles of %dx%d, %d nodes (%.3f per raster cell),"
                        + " tile summaries %.1f MiB; driver heap used after GC %.1f MiB, of which cached blocks %.1f MiB",
                what,
                grid.cols(),
                grid.rows(),
                grid.tileCount(),
                grid.tileCols(),
                grid.tileRows(),
                nodes,
                (double) nodes / ((double) grid.cols() * grid.rows()),
                summaryBytes / MIB,
                used / MIB,
                cached / MIB));
    }
}
