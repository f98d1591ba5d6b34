package io.rastermill.spark.write;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.Predictor;
import io.rastermill.io.geotiff.BigTiffMode;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.OverviewResampling;
import java.util.Locale;

/**
 * GeoTIFF output choices as words, with GDAL's creation-option meanings, and the rules that turn them into
 * {@link GeoTiffWriteOptions} for a cell type: {@code compress} deflate | lzw | zstd | packbits | none; {@code level}
 * (null: the codec's default, and {@link #FLOAT_DEFLATE_LEVEL} for Deflate with predictor 3); {@code predictor} 1 | 2
 * | 3 | yes | no, where yes is 2 for integer and 3 for floating-point cells and none for bit cells or codecs that take
 * no predictor (as GDAL's PREDICTOR=YES); {@code bigTiff} yes | no | auto; {@code overviews} auto | none | a count
 * (null: auto with COG, none without); {@code resampling} of the overviews nearest | average | mode. Words are
 * case-insensitive.
 *
 * <p>The command-line options of every raster-writing command are these choices; an invalid one is an
 * {@link IllegalArgumentException} whose message names it as the command line spells it ({@code --compress}).
 *
 * @param compress the codec
 * @param level the codec level, or null for its default
 * @param predictor the TIFF predictor
 * @param blockSize block (and tile) size, a multiple of 16
 * @param cog Cloud-Optimized layout
 * @param bigTiff BigTIFF mode
 * @param overviews overview levels, or null for the layout's default
 * @param resampling overview resampling
 */
public record GeoTiffOutputParams(
        String compress,
        Integer level,
        String predictor,
        int blockSize,
        boolean cog,
        String bigTiff,
        String overviews,
        String resampling) {

    /**
     * The default Deflate level of predictor-3 (floating-point) outputs. Measured on 4096² windows of the benchmark
     * slope and NDVI (2026-12-04, libdeflate): level 1 is 1.009× and 0.995× the size of GDAL's level-6 files, and
     * GDAL's own ZLEVEL=1 encodes those floats about 2.4× faster than level 6 (../shared/bench/BASELINE.md).
     */
    public static final int FLOAT_DEFLATE_LEVEL = 1;

    /** The defaults: deflate at its default level, predictor yes, COG with automatic overviews, average resampling. */
    public static GeoTiffOutputParams defaults(int blockSize) {
        return new GeoTiffOutputParams("deflate", null, "yes", blockSize, true, "auto", null, "average");
    }

    /** The writer options for cells of {@code cellType}; checked against it. */
    public GeoTiffWriteOptions toWriteOptions(CellType cellType) {
        GeoTiffWriteOptions.Builder b =
                GeoTiffWriteOptions.builder().blockSize(blockSize).cog(cog);
        Compression codec = compression();
        if (level != null) {
            b.compression(codec, level);
        } else {
            b.compression(codec);
        }
        b.bigTiff(bigTiffMode());
        b.resampling(overviewResampling());
        String ov = overviews != null ? overviews : (cog ? "auto" : "none");
        switch (ov.toLowerCase(Locale.ROOT)) {
            case "auto" -> b.autoOverviews();
            case "none" -> b.overviews(0);
            default -> {
                try {
                    b.overviews(Integer.parseInt(ov));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--overviews must be auto, none or a number, not '" + ov + "'");
                }
            }
        }
        int p = predictor(codec, cellType);
        b.predictor(p);
        if (level == null && codec == Compression.DEFLATE && p == Predictor.FLOATING_POINT) {
            b.compression(codec, FLOAT_DEFLATE_LEVEL);
        }
        GeoTiffWriteOptions options = b.build();
        options.checkFor(cellType);
        return options;
    }

    private Compression compression() {
        return switch (compress.toLowerCase(Locale.ROOT)) {
            case "deflate" -> Compression.DEFLATE;
            case "lzw" -> Compression.LZW;
            case "zstd" -> Compression.ZSTD;
            case "packbits" -> Compression.PACKBITS;
            case "none" -> Compression.NONE;
            default ->
                throw new IllegalArgumentException(
                        "--compress must be deflate, lzw, zstd, packbits or none, not '" + compress + "'");
        };
    }

    private BigTiffMode bigTiffMode() {
        return switch (bigTiff.toLowerCase(Locale.ROOT)) {
            case "yes" -> BigTiffMode.YES;
            case "no" -> BigTiffMode.NO;
            case "auto" -> BigTiffMode.AUTO;
            default -> throw new IllegalArgumentException("--bigtiff must be yes, no or auto, not '" + bigTiff + "'");
        };
    }

    private OverviewResampling overviewResampling() {
        return switch (resampling.toLowerCase(Locale.ROOT)) {
            case "nearest" -> OverviewResampling.NEAREST;
            case "average" -> OverviewResampling.AVERAGE;
            case "mode" -> OverviewResampling.MODE;
            default ->
                throw new IllegalArgumentException(
                        "--resampling must be nearest, average or mode, not '" + resampling + "'");
        };
    }

    /** The predictor word for {@code codec} and {@code cellType}: yes follows GDAL's PREDICTOR=YES. */
    private int predictor(Compression codec, CellType cellType) {
        boolean noPredictorCodec = codec == Compression.NONE || codec == Compression.PACKBITS;
        return switch (predictor.toLowerCase(Locale.ROOT)) {
            case "1", "no", "none" -> Predictor.NONE;
            case "2" -> Predictor.HORIZONTAL;
            case "3" -> Predictor.FLOATING_POINT;
            case "yes" ->
                noPredictorCodec || cellType.dataType() == DataType.BIT
                        ? Predictor.NONE
                        : cellType.isFloatingPoint() ? Predictor.FLOATING_POINT : Predictor.HORIZONTAL;
            default ->
                throw new IllegalArgumentException("--predictor must be 1, 2, 3, yes or no, not '" + predictor + "'");
        };
    }
}
