package io.rastermill.jobs;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --tile-size N}: the tile size, in cells, of the layer a command reads or writes (a picocli mixin of the
 * commands that do not write a GeoTIFF, whose tiles are its blocks: {@link OutputOptions#blockSize()}).
 */
final class TileSizeOption {
    static final int MIN = 16;

    @Option(
            names = "--tile-size",
            paramLabel = "N",
            description = "tile size in cells, at least " + MIN
                    + " (default: setting rastermill.tile.size, built in: 512;" + " layer write --layout zoomed: 256)")
    Integer tileSize;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** {@code --tile-size}, else {@code defaultSize}; a size below {@link #MIN} is a usage error. */
    int orElse(int defaultSize) {
        int size = tileSize != null ? tileSize : defaultSize;
        if (size < MIN) {
            throw new ParameterException(spec.commandLine(), "--tile-size must be at least " + MIN + ", got " + size);
        }
        return size;
    }
}
