package io.rastermill.spark.write.vrt;

import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link TileDirectoryWriter} writes. Immutable.
 *
 * @param tileOptions how each tile file is encoded (compression, level, predictor, block size, COG or
 *                    not, overviews), passed to the GeoTIFF writer as they are; empty: DEFLATE, plain
 *                    tiled GeoTIFF without overviews, one block per tile up to 512 (see
 *                    {@link #tileOptionsFor(int, int)})
 * @param vrtName the VRT's file name without {@code .vrt}; empty: the target directory's name
 * @param overwrite replace an existing target (only once the new directory is complete)
 */
public record TileDirectoryOptions(
        Optional<GeoTiffWriteOptions> tileOptions, Optional<String> vrtName, boolean overwrite) {

    public TileDirectoryOptions {
        Objects.requireNonNull(tileOptions, "tileOptions");
        Objects.requireNonNull(vrtName, "vrtName");
        vrtName.ifPresent(n -> {
            if (n.isEmpty() || n.contains("/") || n.contains("\\") || n.startsWith(".")) {
                throw new IllegalArgumentException(
                        "VRT name '" + n + "' must be a plain file name not starting with '.'");
            }
        });
    }

    public static TileDirectoryOptions defaults() {
        return new TileDirectoryOptions(Optional.empty(), Optional.empty(), false);
    }

    public TileDirectoryOptions withTileOptions(GeoTiffWriteOptions options) {
        return new TileDirectoryOptions(Optional.of(options), vrtName, overwrite);
    }

    public TileDirectoryOptions withVrtName(String name) {
        return new TileDirectoryOptions(tileOptions, Optional.of(name), overwrite);
    }

    public TileDirectoryOptions withOverwrite(boolean replace) {
        return new TileDirectoryOptions(tileOptions, vrtName, replace);
    }

    /** The tile options for a layout of {@code tileCols × tileRows}: the given ones, else the defaults. */
    public GeoTiffWriteOptions tileOptionsFor(int tileCols, int tileRows) {
        if (tileOptions.isPresent()) {
            return tileOptions.get();
        }
        int side = Math.max(tileCols, tileRows);
        int block = Math.min(512, (side + 15) / 16 * 16);
        return GeoTiffWriteOptions.builder()
                .blockSize(block)
                .cog(false)
                .overviews(0)
                .build();
    }
}
