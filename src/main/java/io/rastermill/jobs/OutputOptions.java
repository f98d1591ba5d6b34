package io.rastermill.jobs;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.Predictor;
import io.rastermill.io.geotiff.BigTiffMode;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.OverviewResampling;
import io.rastermill.spark.RastermillConf;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The GeoTIFF output options every command that writes a raster shares (a picocli mixin), with
 * GDAL's creation-option meanings: compression and level, predictor ({@code yes} picks 2 or 3 by
 * cell type, as GDAL's PREDICTOR=YES), block size, COG layout, BigTIFF, overviews and resampling.
 */
final class OutputOptions {

    @Option(
            names = "--compress",
            paramLabel = "CODEC",
            description =
                    "deflate | lzw | zstd | packbits | none (default: setting rastermill.compression, built in: deflate)")
    String compress;

    /**
     * The default Deflate level of predictor-3 (floating-point) outputs. Measured on 4096² windows of the benchmark
     * slope and NDVI (2026-12-04, libdeflate): level 1 is 1.009× and 0.995× the size of GDAL's level-6 files, and
     * GDAL's own ZLEVEL=1 encodes those floats about 2.4× faster than level 6 (../shared/bench/BASELINE.md).
     */
    static final int FLOAT_DEFLATE_LEVEL = 1;

    @Option(
            names = "--level",
            paramLabel = "N",
            description = "Deflate (1-9, default 6; 1 with predictor 3) or ZSTD (1-22, default 9) level")
    Integer level;

    @Option(
            names = "--predictor",
            paramLabel = "P",
            defaultValue = "yes",
            description = "1 (none), 2 (horizontal), 3 (floating point), or yes: 2 for integer and 3 for float cells"
                    + " (default: ${DEFAULT-VALUE})")
    String predictor;

    @Option(
            names = "--block",
            paramLabel = "N",
            description =
                    "block (and tile) size, a multiple of 16 (default: setting rastermill.tile.size, built in: 512)")
    Integer block;

    @Option(
            names = "--cog",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description =
                    "Cloud-Optimized layout: IFDs first, overviews before full resolution (default: on; --no-cog off)")
    boolean cog;

    @Option(names = "--bigtiff", paramLabel = "MODE", defaultValue = "auto", description = "yes | no | auto (default)")
    String bigTiff;

    @Option(
            names = "--overviews",
            paramLabel = "LEVELS",
            description = "auto (halve until one block; default with --cog), none (default with --no-cog), or a count")
    String overviews;

    @Option(
            names = "--resampling",
            paramLabel = "METHOD",
            defaultValue = "average",
            description = "overview resampling: nearest | average | mode (default: ${DEFAULT-VALUE})")
    String resampling;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /**
     * The block (and tile) size: {@code --block}, else the setting {@code rastermill.tile.size} with its
     * precedence (command line, job properties, conf files, built-in); a bad value is a usage error.
     */
    int blockSize() {
        RastermillCommand top = spec.root().userObject() instanceof RastermillCommand r ? r : null;
        try {
            return block != null
                    ? block
                    : top != null
                            ? top.tileSize()
                            : Integer.parseInt(RastermillConf.BUILT_IN.get(RastermillConf.TILE_SIZE));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The writer options for cells of {@code cellType}; bad values are usage errors (exit 2). */
    GeoTiffWriteOptions toWriteOptions(CellType cellType) {
        RastermillCommand top = spec.root().userObject() instanceof RastermillCommand r ? r : null;
        int blockSize = blockSize();
        String compress;
        try {
            compress = this.compress != null
                    ? this.compress
                    : top != null ? top.compression() : RastermillConf.BUILT_IN.get(RastermillConf.COMPRESSION);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        GeoTiffWriteOptions.Builder b =
                GeoTiffWriteOptions.builder().blockSize(blockSize).cog(cog);
        Compression codec = switch (compress.toLowerCase(Locale.ROOT)) {
            case "deflate" -> Compression.DEFLATE;
            case "lzw" -> Compression.LZW;
            case "zstd" -> Compression.ZSTD;
            case "packbits" -> Compression.PACKBITS;
            case "none" -> Compression.NONE;
            default -> throw usage("--compress must be deflate, lzw, zstd, packbits or none, not '" + compress + "'");
        };
        if (level != null) {
            b.compression(codec, level);
        } else {
            b.compression(codec);
        }
        b.bigTiff(
                switch (bigTiff.toLowerCase(Locale.ROOT)) {
                    case "yes" -> BigTiffMode.YES;
                    case "no" -> BigTiffMode.NO;
                    case "auto" -> BigTiffMode.AUTO;
                    default -> throw usage("--bigtiff must be yes, no or auto, not '" + bigTiff + "'");
                });
        b.resampling(
                switch (resampling.toLowerCase(Locale.ROOT)) {
                    case "nearest" -> OverviewResampling.NEAREST;
                    case "average" -> OverviewResampling.AVERAGE;
                    case "mode" -> OverviewResampling.MODE;
                    default -> throw usage("--resampling must be nearest, average or mode, not '" + resampling + "'");
                });
        String ov = overviews != null ? overviews : (cog ? "auto" : "none");
        switch (ov.toLowerCase(Locale.ROOT)) {
            case "auto" -> b.autoOverviews();
            case "none" -> b.overviews(0);
            default -> {
                try {
                    b.overviews(Integer.parseInt(ov));
                } catch (NumberFormatException e) {
                    throw usage("--overviews must be auto, none or a number, not '" + ov + "'");
                }
            }
        }
        boolean noPredictorCodec = codec == Compression.NONE || codec == Compression.PACKBITS;
        int p = switch (predictor.toLowerCase(Locale.ROOT)) {
            case "1", "no", "none" -> Predictor.NONE;
            case "2" -> Predictor.HORIZONTAL;
            case "3" -> Predictor.FLOATING_POINT;
            case "yes" ->
                noPredictorCodec || cellType.dataType() == DataType.BIT
                        ? Predictor.NONE
                        : cellType.isFloatingPoint() ? Predictor.FLOATING_POINT : Predictor.HORIZONTAL;
            default -> throw usage("--predictor must be 1, 2, 3, yes or no, not '" + predictor + "'");
        };
        b.predictor(p);
        if (level == null && codec == Compression.DEFLATE && p == Predictor.FLOATING_POINT) {
            b.compression(codec, FLOAT_DEFLATE_LEVEL);
        }
        try {
            GeoTiffWriteOptions options = b.build();
            options.checkFor(cellType);
            return options;
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
