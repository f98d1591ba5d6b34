package io.rastermill.core.cell;

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
