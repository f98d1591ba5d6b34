package io.rastermill.io.geotiff;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.Predictor;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link GeoTiffWriter} lays out and encodes a file. Immutable; build with {@link #builder()}. Serializable, so
 * that Spark tasks can carry it (as {@code Portable}: an {@code Optional<Path>} component is not serializable itself).
 *
 * @param blockSize square tile size in pixels, a positive multiple of 16 (default 512)
 * @param compression NONE, DEFLATE, LZW, ZSTD or PACKBITS (default DEFLATE)
 * @param level Deflate (1–9) or ZSTD (1–22) level; ignored by the other schemes
 * @param predictor 1 none, 2 horizontal (integer types of 8 bits or more), 3 floating point (float32/64)
 * @param bigTiff classic, BigTIFF, or chosen from the size estimate
 * @param cog true: Cloud-Optimized layout (IFDs first, smallest overview's data first, full resolution
 *            last); false: a tiled GeoTIFF with the full resolution's data first
 * @param overviewCount number of overview levels (factors 2, 4, 8, …), or {@link #AUTO_OVERVIEWS}:
 *                      halve until the level fits in one block, as GDAL's COG driver does
 * @param resampling how overview cells are made
 * @param spillDirectory where temporary spill files go; empty: {@code java.io.tmpdir}
 */
public record GeoTiffWriteOptions(
        int blockSize,
        Compression compression,
        int level,
        int predictor,
        BigTiffMode bigTiff,
        boolean cog,
        int overviewCount,
        OverviewResampling resampling,
        Optional<Path> spillDirectory)
        implements Serializable {

    /** {@link #overviewCount()} meaning "halve until the level fits in one block". */
    public static final int AUTO_OVERVIEWS = -1;

    public GeoTiffWriteOptions {
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(bigTiff, "bigTiff");
        Objects.requireNonNull(resampling, "resampling");
        Objects.requireNonNull(spillDirectory, "spillDirectory");
        if (blockSize < 16 || blockSize % 16 != 0 || blockSize > 32768) {
            throw new IllegalArgumentException("block size " + blockSize + " must be a multiple of 16 in 16..32768");
        }
        switch (compression) {
            case NONE, LZW, PACKBITS -> {}
            case DEFLATE -> requireLevel(level, 1, 9, "Deflate");
            case ZSTD -> requireLevel(level, 1, 22, "ZSTD");
            default ->
                throw new IllegalArgumentException("compression " + compression.describe()
                        + " cannot be written; use NONE, DEFLATE, LZW, ZSTD or PACKBITS");
        }
        if (predictor != Predictor.NONE && predictor != Predictor.HORIZONTAL && predictor != Predictor.FLOATING_POINT) {
            throw new IllegalArgumentException(
                    "predictor " + predictor + " must be 1 (none), 2 (horizontal) or 3 (floating point)");
        }
        if (predictor != Predictor.NONE && (compression == Compression.NONE || compression == Compression.PACKBITS)) {
            throw new IllegalArgumentException("predictor " + predictor
                    + " needs LZW, DEFLATE or ZSTD compression, not " + compression.describe());
        }
        if (overviewCount < AUTO_OVERVIEWS || overviewCount > 30) {
            throw new IllegalArgumentException("overview count " + overviewCount + " must be -1 (automatic) or 0..30");
        }
    }

    private static void requireLevel(int level, int min, int max, String codec) {
        if (level < min || level > max) {
            throw new IllegalArgumentException(codec + " level " + level + " must be in " + min + ".." + max);
        }
    }

    /** Defaults: 512 blocks, DEFLATE level 6, no predictor, BigTIFF AUTO, COG, automatic AVERAGE overviews. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default options, see {@link #builder()}. */
    public static GeoTiffWriteOptions defaults() {
        return builder().build();
    }

    /**
     * Checks that the predictor suits {@code cellType}: 2 needs integer samples of 8 bits or more, 3 needs
     * float32 or float64.
     *
     * @throws IllegalArgumentException naming the predictor and the cell type otherwise
     */
    public void checkFor(CellType cellType) {
        DataType t = cellType.dataType();
        if (predictor == Predictor.HORIZONTAL && (t.isFloatingPoint() || t == DataType.BIT)) {
            throw new IllegalArgumentException("predictor 2 (horizontal) is for integer samples of 8 bits or more, not "
                    + cellType.name() + (t.isFloatingPoint() ? "; use predictor 3" : ""));
        }
        if (predictor == Predictor.FLOATING_POINT && !t.isFloatingPoint()) {
            throw new IllegalArgumentException("predictor 3 (floating point) is for float32/float64, not "
                    + cellType.name() + (t == DataType.BIT ? "" : "; use predictor 2"));
        }
    }

    /** These options with another spill directory (empty: {@code java.io.tmpdir}). */
    public GeoTiffWriteOptions withSpillDirectory(Optional<Path> dir) {
        return new GeoTiffWriteOptions(
                blockSize, compression, level, predictor, bigTiff, cog, overviewCount, resampling, dir);
    }

    /** The number of overview levels for a {@code width × height} raster. */
    public int overviewLevels(int width, int height) {
        if (overviewCount != AUTO_OVERVIEWS) {
            return overviewCount;
        }
        int n = 0;
        long w = width;
        long h = height;
        while (w > blockSize || h > blockSize) {
            w = (w + 1) / 2;
            h = (h + 1) / 2;
            n++;
        }
        return n;
    }

    @Serial
    private Object writeReplace() {
        return new Portable(this);
    }

    /** The serialized form: the options with the spill directory as a string, rebuilt (and checked) on reading. */
    private static final class Portable implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final int blockSize;
        private final Compression compression;
        private final int level;
        private final int predictor;
        private final BigTiffMode bigTiff;
        private final boolean cog;
        private final int overviewCount;
        private final OverviewResampling resampling;
        private final String spillDirectory; // null: none

        Portable(GeoTiffWriteOptions o) {
            blockSize = o.blockSize;
            compression = o.compression;
            level = o.level;
            predictor = o.predictor;
            bigTiff = o.bigTiff;
            cog = o.cog;
            overviewCount = o.overviewCount;
            resampling = o.resampling;
            spillDirectory = o.spillDirectory.map(Path::toString).orElse(null);
        }

        @Serial
        private Object readResolve() {
            return builder()
                    .blockSize(blockSize)
                    .compression(compression, level)
                    .predictor(predictor)
                    .bigTiff(bigTiff)
                    .cog(cog)
                    .overviews(overviewCount)
                    .resampling(resampling)
                    .spillDirectory(spillDirectory == null ? null : Path.of(spillDirectory))
                    .build();
        }
    }

    /** Builds {@link GeoTiffWriteOptions}; not thread-safe. */
    public static final class Builder {
        private int blockSize = 512;
        private Compression compression = Compression.DEFLATE;
        private int level = Compression.DEFAULT_DEFLATE_LEVEL;
        private int predictor = Predictor.NONE;
        private BigTiffMode bigTiff = BigTiffMode.AUTO;
        private boolean cog = true;
        private int overviewCount = AUTO_OVERVIEWS;
        private OverviewResampling resampling = OverviewResampling.AVERAGE;
        private Path spillDirectory;

        private Builder() {}

        public Builder blockSize(int size) {
            this.blockSize = size;
            return this;
        }

        /** NONE, LZW or PACKBITS, or DEFLATE/ZSTD at their default levels (6 and 9). */
        public Builder compression(Compression c) {
            this.compression = c;
            this.level = c == Compression.ZSTD ? Compression.DEFAULT_ZSTD_LEVEL : Compression.DEFAULT_DEFLATE_LEVEL;
            return this;
        }

        public Builder compression(Compression c, int level) {
            this.compression = c;
            this.level = level;
            return this;
        }

        public Builder predictor(int p) {
            this.predictor = p;
            return this;
        }

        public Builder bigTiff(BigTiffMode mode) {
            this.bigTiff = mode;
            return this;
        }

        public Builder cog(boolean c) {
            this.cog = c;
            return this;
        }

        /** Overview factors 2, 4, …, 2^count; 0 for none. */
        public Builder overviews(int count) {
            this.overviewCount = count;
            return this;
        }

        /**
         * Overview factors as a list; they must be 2, 4, 8, … without gaps, since each level is built
         * from the one below it.
         */
        public Builder overviewFactors(List<Integer> factors) {
            for (int i = 0; i < factors.size(); i++) {
                if (factors.get(i) != 1 << (i + 1)) {
                    throw new IllegalArgumentException("overview factors " + factors
                            + " must be 2, 4, 8, ... without gaps (each level is built from the previous one)");
                }
            }
            this.overviewCount = factors.size();
            return this;
        }

        public Builder autoOverviews() {
            this.overviewCount = AUTO_OVERVIEWS;
            return this;
        }

        public Builder resampling(OverviewResampling r) {
            this.resampling = r;
            return this;
        }

        public Builder spillDirectory(Path dir) {
            this.spillDirectory = dir;
            return this;
        }

        public GeoTiffWriteOptions build() {
            return new GeoTiffWriteOptions(
                    blockSize,
                    compression,
                    level,
                    predictor,
                    bigTiff,
                    cog,
                    overviewCount,
                    resampling,
                    Optional.ofNullable(spillDirectory));
        }
    }
}
