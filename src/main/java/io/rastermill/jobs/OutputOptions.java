package io.rastermill.jobs;

import io.rastermill.core.cell.CellType;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.spark.RastermillConf;
import io.rastermill.spark.write.GeoTiffOutputParams;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The GeoTIFF output options every command that writes a raster shares (a picocli mixin): compression and level,
 * predictor, block size, COG layout, BigTIFF, overviews and resampling. It binds the flags and the settings' defaults
 * only; their meanings and checks are {@link GeoTiffOutputParams}', where the Java API reaches them.
 */
final class OutputOptions {

    @Option(
            names = "--compress",
            paramLabel = "CODEC",
            description =
                    "deflate | lzw | zstd | packbits | none (default: setting rastermill.compression, built in: deflate)")
    String compress;

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

    /** The choices on the command line, with the settings' defaults for the block size and codec. */
    GeoTiffOutputParams params() {
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
        return new GeoTiffOutputParams(compress, level, predictor, blockSize, cog, bigTiff, overviews, resampling);
    }

    /** The writer options for cells of {@code cellType}; bad values are usage errors (exit 2). */
    GeoTiffWriteOptions toWriteOptions(CellType cellType) {
        GeoTiffOutputParams params = params();
        try {
            return params.toWriteOptions(cellType);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
