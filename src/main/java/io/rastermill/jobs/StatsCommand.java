package io.rastermill.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.stats.BandHistograms;
import io.rastermill.core.stats.Bins;
import io.rastermill.core.stats.CellStatistics;
import io.rastermill.core.stats.DoubleHistogram;
import io.rastermill.core.stats.IntHistogram;
import io.rastermill.core.stats.Statistics;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rastermill stats FILE}: global statistics of a band as Spark reductions (mergeable
 * accumulators with treeAggregate; no tile reaches the driver): min, max, mean and population
 * standard deviation as {@code gdalinfo -stats} reports them, a histogram with gdalinfo -hist's
 * buckets, and percentiles — exact for integer rasters, within a stated bound for floats.
 */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Statistics of a raster band on Spark: min, max, mean, stddev (as gdalinfo -stats),"
                + " histogram and percentiles (exact for integer rasters; floats within the printed bound).")
final class StatsCommand extends RastermillSubcommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "GeoTIFF(s): a path, URI, directory or glob")
    String file;

    @Mixin
    BandOption band;

    @Option(
            names = "--histogram",
            paramLabel = "BINS",
            arity = "0..1",
            fallbackValue = "" + BandHistograms.GDAL_BUCKETS,
            description = "print a histogram with BINS buckets (default 256, gdalinfo -hist's buckets)")
    Integer bins;

    @Option(names = "--percentiles", paramLabel = "P", split = ",", description = "percentiles to print, e.g. 5,50,95")
    List<Double> percentiles = new ArrayList<>();

    @Mixin
    JsonOption json;

    @Mixin
    TileSizeOption tileSize;

    @Override
    public Integer call() throws IOException {
        for (double p : percentiles) {
            if (!(p >= 0 && p <= 100)) {
                throw usage("--percentiles must be in 0..100, got " + p);
            }
        }
        if (bins != null && bins < 1) {
            throw usage("--histogram needs at least 1 bucket, got " + bins);
        }
        int bandIndex = band.index();
        int size = tileSize.orElse(parent.tileSize());
        SparkSession spark = parent.spark().session();
        SparkContext sc = spark.sparkContext();
        sc.setJobGroup("rastermill stats", "statistics of " + file, false);
        TileLayer layer = TileLayers.readGeoTiffs(
                spark,
                List.of(file),
                TileLayers.ReadOptions.defaults().withTileSize(size).withBand(bandIndex));
        CellType ct = layer.metadata().cellType();
        boolean needsHistogram = bins != null || !percentiles.isEmpty();
        TileLayer cached = needsHistogram ? layer.persist(StorageLevel.MEMORY_AND_DISK_SER()) : layer;
        Map<Double, Double> pct = new LinkedHashMap<>();
        Bins histogram = null;
        double error = 0;
        Statistics stats;
        try {
            stats = cached.reduce(new CellStatistics());
            if (needsHistogram && stats.dataCells() > 0) {
                if (!ct.isFloatingPoint()) {
                    IntHistogram h = cached.reduce(new IntHistogram());
                    for (double p : percentiles) {
                        pct.put(p, (double) h.percentile(p / 100));
                    }
                    if (bins != null) {
                        histogram = BandHistograms.intHistogram(h, bins, ct.dataType());
                    }
                } else {
                    if (!percentiles.isEmpty()) {
                        DoubleHistogram fine = cached.reduce(BandHistograms.floatPercentiles(stats.min(), stats.max()));
                        error = fine.errorBound();
                        for (double p : percentiles) {
                            pct.put(p, fine.percentile(p / 100));
                        }
                    }
                    if (bins != null) {
                        DoubleHistogram h =
                                cached.reduce(BandHistograms.floatHistogram(stats.min(), stats.max(), bins));
                        histogram = h.toBins();
                    }
                }
            }
        } finally {
            if (cached != layer) {
                cached.rdd().unpersist(false);
            }
            sc.clearJobGroup();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.json) {
            out.println(new ObjectMapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(toJson(ct, stats, pct, error, histogram)));
        } else {
            printText(out, ct, stats, pct, error, histogram);
        }
        out.flush();
        return 0;
    }

    private ObjectNode toJson(CellType ct, Statistics s, Map<Double, Double> pct, double error, Bins h) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("file", file);
        root.put("band", band.number());
        root.put("cellType", ct.name());
        root.put("validCells", s.dataCells());
        root.put("noDataCells", s.noDataCells());
        if (s.dataCells() > 0) {
            root.put("minimum", s.min());
            root.put("maximum", s.max());
            root.put("mean", s.mean());
            root.put("stdDev", s.stddev());
        }
        if (!pct.isEmpty()) {
            ObjectNode p = root.putObject("percentiles");
            pct.forEach((k, v) -> p.put(format(k), v));
            root.put("percentileMaxError", error);
        }
        if (h != null) {
            ObjectNode hist = root.putObject("histogram");
            hist.put("min", h.lo());
            hist.put("max", h.hi());
            hist.put("count", h.size());
            ArrayNode buckets = hist.putArray("buckets");
            for (long c : h.counts()) {
                buckets.add(c);
            }
        }
        return root;
    }

    private void printText(PrintWriter out, CellType ct, Statistics s, Map<Double, Double> pct, double error, Bins h) {
        out.printf(Locale.ROOT, "Band %d (%s) of %s%n", band.number(), ct.name(), file);
        if (s.dataCells() == 0) {
            out.printf(Locale.ROOT, "  no data cells (%d NoData)%n", s.noDataCells());
            return;
        }
        out.printf(
                Locale.ROOT,
                "  Minimum=%.3f, Maximum=%.3f, Mean=%.3f, StdDev=%.3f%n",
                s.min(),
                s.max(),
                s.mean(),
                s.stddev());
        out.printf(Locale.ROOT, "  Valid cells=%d, NoData cells=%d%n", s.dataCells(), s.noDataCells());
        if (!pct.isEmpty()) {
            StringBuilder b = new StringBuilder("  Percentiles");
            b.append(error == 0 ? " (exact):" : String.format(Locale.ROOT, " (within ±%.3g):", error));
            pct.forEach((k, v) -> b.append(String.format(Locale.ROOT, " p%s=%s", format(k), v)));
            out.println(b);
        }
        if (h != null) {
            out.printf(Locale.ROOT, "  %d buckets from %s to %s:%n", h.size(), h.lo(), h.hi());
            StringBuilder b = new StringBuilder("  ");
            for (long c : h.counts()) {
                b.append(c).append(' ');
            }
            out.println(b.toString().stripTrailing());
        }
    }

    private static String format(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
