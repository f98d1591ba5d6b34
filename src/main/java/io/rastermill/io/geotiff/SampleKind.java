package io.rastermill.io.geotiff;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The sample encodings Rastermill reads from TIFF: bits per sample × SampleFormat, and the cell type
 * each becomes. UInt32 has no GeoTrellis cell type; GeoTrellis reads it as float32, which loses
 * precision above 2^24, so we read it as float64, which holds every uint32 exactly.
 */
public enum SampleKind {
    BIT(1, DataType.BIT),
    INT8(8, DataType.INT8),
    UINT8(8, DataType.UINT8),
    INT16(16, DataType.INT16),
    UINT16(16, DataType.UINT16),
    INT32(32, DataType.INT32),
    UINT32(32, DataType.FLOAT64),
    FLOAT32(32, DataType.FLOAT32),
    FLOAT64(64, DataType.FLOAT64);

    /** TIFF SampleFormat values. */
    public static final int FORMAT_UINT = 1;

    public static final int FORMAT_INT = 2;
    public static final int FORMAT_FLOAT = 3;

    private final int bits;
    private final DataType dataType;

    SampleKind(int bits, DataType dataType) {
        this.bits = bits;
        this.dataType = dataType;
    }

    public int bits() {
        return bits;
    }

    /** Bytes per sample; 0 for {@link #BIT}. */
    public int bytes() {
        return bits / 8;
    }

    /** The storage of the tiles this kind is read into. */
    public DataType dataType() {
        return dataType;
    }

    /**
     * The kind for a BitsPerSample / SampleFormat pair, or empty if Rastermill does not read it
     * (e.g. 12-bit, 64-bit integers, 16-bit floats, complex samples).
     */
    public static Optional<SampleKind> of(int bitsPerSample, int sampleFormat) {
        SampleKind k = switch (sampleFormat) {
            case FORMAT_UINT ->
                switch (bitsPerSample) {
                    case 1 -> BIT;
                    case 8 -> UINT8;
                    case 16 -> UINT16;
                    case 32 -> UINT32;
                    default -> null;
                };
            case FORMAT_INT ->
                switch (bitsPerSample) {
                    case 8 -> INT8;
                    case 16 -> INT16;
                    case 32 -> INT32;
                    default -> null;
                };
            case FORMAT_FLOAT ->
                switch (bitsPerSample) {
                    case 32 -> FLOAT32;
                    case 64 -> FLOAT64;
                    default -> null;
                };
            default -> null;
        };
        return Optional.ofNullable(k);
    }

    /**
     * The cell type for samples of this kind with an optional GDAL_NODATA value: no value gives the
     * raw type; a value is narrowed to the storage type and, as GeoTrellis's {@code withNoData},
     * a value equal to the type's default gives the constant type. A value that the samples cannot
     * hold (e.g. -1 for uint8, 1.5 for int16) can never match a cell, so it gives the raw type, as
     * GDAL ignores such a NoData for integer bands.
     */
    public CellType cellType(OptionalDouble noData) {
        if (noData.isEmpty() || this == BIT) {
            return CellType.raw(dataType);
        }
        double v = noData.getAsDouble();
        if (!fits(v)) {
            return CellType.raw(dataType);
        }
        return CellType.withNoData(dataType, noData);
    }

    /** Whether some sample of this kind equals {@code v}. */
    public boolean fits(double v) {
        return switch (this) {
            case BIT -> v == 0 || v == 1;
            case INT8 -> v == Math.rint(v) && v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
            case UINT8 -> v == Math.rint(v) && v >= 0 && v <= 255;
            case INT16 -> v == Math.rint(v) && v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
            case UINT16 -> v == Math.rint(v) && v >= 0 && v <= 65535;
            case INT32 -> v == Math.rint(v) && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            case UINT32 -> v == Math.rint(v) && v >= 0 && v <= 4294967295.0;
            // floats: the value is narrowed as GeoTrellis does (float32ud keeps (float) v)
            case FLOAT32, FLOAT64 -> true;
        };
    }
}
