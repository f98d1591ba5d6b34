package io.rastermill.core.cell;

import java.util.Locale;
import java.util.Optional;

/**
 * How one cell is stored: the bit width and the kind of number, without any NoData policy.
 * A {@link CellType} is a data type plus a {@link NoDataMode}.
 */
public enum DataType {
    /** 1-bit cells, packed LSB-first, eight to a byte. */
    BIT("bool", 1, false, false),
    INT8("int8", 8, false, false),
    UINT8("uint8", 8, false, true),
    INT16("int16", 16, false, false),
    UINT16("uint16", 16, false, true),
    INT32("int32", 32, false, false),
    FLOAT32("float32", 32, true, false),
    FLOAT64("float64", 64, true, false);

    private final String prefix;
    private final int bits;
    private final boolean floatingPoint;
    private final boolean unsigned;

    DataType(String prefix, int bits, boolean floatingPoint, boolean unsigned) {
        this.prefix = prefix;
        this.bits = bits;
        this.floatingPoint = floatingPoint;
        this.unsigned = unsigned;
    }

    /** The GeoTrellis name stem, e.g. {@code uint16}; cell type names are built from it. */
    public String prefix() {
        return prefix;
    }

    public int bits() {
        return bits;
    }

    /** Bytes per cell; 0 for {@link #BIT}, whose cells share bytes. */
    public int bytes() {
        return bits / 8;
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    public boolean isUnsigned() {
        return unsigned;
    }

    /** The smallest value a cell can hold (for floating point types the most negative finite one). */
    public double minValue() {
        return switch (this) {
            case BIT, UINT8, UINT16 -> 0;
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case FLOAT32 -> -Float.MAX_VALUE;
            case FLOAT64 -> -Double.MAX_VALUE;
        };
    }

    /** The largest value a cell can hold (for floating point types the largest finite one). */
    public double maxValue() {
        return switch (this) {
            case BIT -> 1;
            case INT8 -> Byte.MAX_VALUE;
            case UINT8 -> 255;
            case INT16 -> Short.MAX_VALUE;
            case UINT16 -> 65535;
            case INT32 -> Integer.MAX_VALUE;
            case FLOAT32 -> Float.MAX_VALUE;
            case FLOAT64 -> Double.MAX_VALUE;
        };
    }

    /**
     * The data type of a GDAL data type name: Byte (or UInt8), Int8, UInt16, Int16, Int32, Float32, Float64, case
     * ignored; empty for any other name (GDAL's UInt32, complex and 64-bit integer types have no cell type here).
     */
    public static Optional<DataType> fromGdalName(String name) {
        return Optional.ofNullable(
                switch (name.strip().toLowerCase(Locale.ROOT)) {
                    case "byte", "uint8" -> UINT8;
                    case "int8" -> INT8;
                    case "uint16" -> UINT16;
                    case "int16" -> INT16;
                    case "int32" -> INT32;
                    case "float32" -> FLOAT32;
                    case "float64" -> FLOAT64;
                    default -> null;
                });
    }

    /**
     * The GeoTrellis {@code DataType.union} rule: the wider type wins; on equal width a floating
     * point type wins over an integral one; otherwise the other operand is kept.
     */
    boolean unionPrefersOther(DataType other) {
        if (bits < other.bits) {
            return true;
        }
        if (bits > other.bits) {
            return false;
        }
        return !(floatingPoint && !other.floatingPoint);
    }
}
