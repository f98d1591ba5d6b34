package io.rastermill.jobs;

import io.rastermill.core.cell.CellType;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.Predictor;
import io.rastermill.io.geotiff.BigTiffMode;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.GeoTiffTranslate;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.OverviewResampling;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code rastermill translate IN OUT}: re-encodes a GeoTIFF (compression, predictor, block size,
 * COG layout, BigTIFF, overviews) block by block in bounded memory, like {@code gdal_translate}
 * with GTiff/COG creation options. Runs in this JVM on {@code --threads} threads; no Spark.
 */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "Re-encode a GeoTIFF block by block in bounded memory: compression, predictor, block size,"
                + " Cloud-Optimized layout, BigTIFF and overviews.")
final class TranslateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "input GeoTIFF (path or URI)")
    String in;

    @Parameters(index = "1", paramLabel = "OUT", description = "output GeoTIFF (path or URI); written atomically")
    String out;

    @Option(names = "--compress", paramLabel = "CODEC", defaultValue = "deflate",
            description = "deflate | lzw | zstd | packbits | none (default: ${DEFAULT-VALUE})")
    String compress;

    @Option(names = "--level", paramLabel = "N", description = "Deflate (1-9, default 6) or ZSTD (1-22, default 9) level")
    Integer level;

    @Option(names = "--predictor", paramLabel = "P", defaultValue = "1",
            description = "1 (none, default), 2 (horizontal), 3 (floating point), or yes: 2 for integer"
                    + " and 3 for float cells, as GDAL's PREDICTOR=YES")
    String predictor;

    @Option(names = "--block", paramLabel = "N", defaultValue = "512", description = "block size (multiple of 16; default 512)")
    int block;

    @Option(names = "--cog", description = "Cloud-Optimized layout (IFDs first, overviews before full resolution)")
    boolean cog;

    @Option(names = "--bigtiff", paramLabel = "MODE", defaultValue = "auto", description = "yes | no | auto (default)")
    String bigTiff;

    @Option(names = "--overviews", paramLabel = "LEVELS", defaultValue = "auto",
            description = "auto (halve until one block; default with --cog), none (default without --cog), or a count")
    String overviews;

    @Option(names = "--resampling", paramLabel = "METHOD", defaultValue = "average",
            description = "overview resampling: nearest | average | mode (default: average)")
    String resampling;

    @Option(names = "--threads", paramLabel = "N", description = "threads reading and encoding blocks (default: cores)")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        GeoTiffWriteOptions.Builder options = GeoTiffWriteOptions.builder().blockSize(block).cog(cog);
        Compression codec = switch (compress.toLowerCase(Locale.ROOT)) {
            case "deflate" -> Compression.DEFLATE;
            case "lzw" -> Compression.LZW;
            case "zstd" -> Compression.ZSTD;
            case "packbits" -> Compression.PACKBITS;
            case "none" -> Compression.NONE;
            default -> throw usage("--compress must be deflate, lzw, zstd, packbits or none, not '" + compress + "'");
        };
        if (level != null) {
            options.compression(codec, level);
        } else {
            options.compression(codec);
        }
        options.bigTiff(switch (bigTiff.toLowerCase(Locale.ROOT)) {
            case "yes" -> BigTiffMode.YES;
            case "no" -> BigTiffMode.NO;
            case "auto" -> BigTiffMode.AUTO;
            default -> throw usage("--bigtiff must be yes, no or auto, not '" + bigTiff + "'");
        });
        options.resampling(switch (resampling.toLowerCase(Locale.ROOT)) {
            case "nearest" -> OverviewResampling.NEAREST;
            case "average" -> OverviewResampling.AVERAGE;
            case "mode" -> OverviewResampling.MODE;
            default -> throw usage("--resampling must be nearest, average or mode, not '" + resampling + "'");
        });
        boolean overviewsGiven = spec.commandLine().getParseResult().hasMatchedOption("--overviews");
        String ov = overviewsGiven ? overviews : (cog ? "auto" : "none");
        switch (ov.toLowerCase(Locale.ROOT)) {
            case "auto" -> options.autoOverviews();
            case "none" -> options.overviews(0);
            default -> {
                try {
                    options.overviews(Integer.parseInt(ov));
                } catch (NumberFormatException e) {
                    throw usage("--overviews must be auto, none or a number, not '" + ov + "'");
                }
            }
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1) {
            throw usage("--threads must be at least 1");
        }
        Configuration conf = new Configuration();
        ExecutorService pool = Executors.newFixedThreadPool(nThreads);
        long start = System.nanoTime();
        try (GeoTiffReader reader = GeoTiffReader.open(in, conf)) {
            CellType ct = reader.info().cellType();
            options.predictor(predictorFor(predictor, ct));
            GeoTiffWriteOptions built;
            try {
                built = options.build();
                built.checkFor(ct);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            GeoTiffTranslate.Result r = GeoTiffTranslate.translate(reader, out, built, pool, conf);
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "wrote %s: %dx%d %s, %d blocks of %d, %d level(s)%s%s, %.1f s (%.1f Mpix/s)%n", r.target(),
                    r.width(), r.height(), ct.name(), r.blocks(), block, r.levels(), built.cog() ? ", COG" : "",
                    r.bigTiff() ? ", BigTIFF" : "", seconds, (double) r.width() * r.height() / 1e6 / seconds);
            o.flush();
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    private int predictorFor(String p, CellType ct) {
        return switch (p.toLowerCase(Locale.ROOT)) {
            case "1", "no", "none" -> Predictor.NONE;
            case "2" -> Predictor.HORIZONTAL;
            case "3" -> Predictor.FLOATING_POINT;
            case "yes" -> ct.isFloatingPoint() ? Predictor.FLOATING_POINT
                    : ct.dataType() == io.rastermill.core.cell.DataType.BIT ? Predictor.NONE : Predictor.HORIZONTAL;
            default -> throw usage("--predictor must be 1, 2, 3, yes or no, not '" + p + "'");
        };
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

}
