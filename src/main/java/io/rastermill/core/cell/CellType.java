package io.rastermill.core.cell;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A cell type: storage ({@link DataType}) times NoData policy ({@link NoDataMode}), named and parsed
 * exactly as GeoTrellis names them ({@code int8raw}, {@code uint8}, {@code int16ud-9999},
 * {@code float32ud-9999.0}, ...).
 *
 * <p>Values are immutable and compare by meaning. A user-defined NoData value is kept as the
 * stored sample would hold it: narrowed to the data type with a plain cast (so {@code uint8ud255}
 * and {@code uint8ud-1} are the same type, whose stored NoData byte is -1) and, for float32,
 * rounded to float.
 */
public final class CellType implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final CellType BOOL = new CellType(DataType.BIT, NoDataMode.RAW, 0);
    public static final CellType INT8_RAW = new CellType(DataType.INT8, NoDataMode.RAW, 0);
    public static final CellType INT8 = new CellType(DataType.INT8, NoDataMode.CONSTANT, Byte.MIN_VALUE);
    public static final CellType UINT8_RAW = new CellType(DataType.UINT8, NoDataMode.RAW, 0);
    public static final CellType UINT8 = new CellType(DataType.UINT8, NoDataMode.CONSTANT, 0);
    public static final CellType INT16_RAW = new CellType(DataType.INT16, NoDataMode.RAW, 0);
    public static final CellType INT16 = new CellType(DataType.INT16, NoDataMode.CONSTANT, Short.MIN_VALUE);
    public static final CellType UINT16_RAW = new CellType(DataType.UINT16, NoDataMode.RAW, 0);
    public static final CellType UINT16 = new CellType(DataType.UINT16, NoDataMode.CONSTANT, 0);
    public static final CellType INT32_RAW = new CellType(DataType.INT32, NoDataMode.RAW, 0);
    public static final CellType INT32 = new CellType(DataType.INT32, NoDataMode.CONSTANT, Integer.MIN_VALUE);
    public static final CellType FLOAT32_RAW = new CellType(DataType.FLOAT32, NoDataMode.RAW, 0);
    public static final CellType FLOAT32 = new CellType(DataType.FLOAT32, NoDataMode.CONSTANT, Double.NaN);
    public static final CellType FLOAT64_RAW = new CellType(DataType.FLOAT64, NoDataMode.RAW, 0);
    public static final CellType FLOAT64 = new CellType(DataType.FLOAT64, NoDataMode.CONSTANT, Double.NaN);

    /** Every cell type with a fixed name, in GeoTrellis's order of data types. */
    public static final List<CellType> FIXED = List.of(
            BOOL,
            INT8_RAW,
            INT8,
            UINT8_RAW,
            UINT8,
            INT16_RAW,
            INT16,
            UINT16_RAW,
            UINT16,
            INT32_RAW,
            INT32,
            FLOAT32_RAW,
            FLOAT32,
            FLOAT64_RAW,
            FLOAT64);

    private final DataType dataType;
    private final NoDataMode mode;
    /** Stored NoData: the narrowed signed value for integer types, the value for floats; 0 for RAW. */
    private final double storedNoData;

    private CellType(DataType dataType, NoDataMode mode, double storedNoData) {
        this.dataType = dataType;
        this.mode = mode;
        this.storedNoData = storedNoData;
    }

    // ------------------------------------------------------------------ construction

    /** The raw (no NoData) type of a data type; for {@link DataType#BIT} that is {@code bool}. */
    public static CellType raw(DataType dataType) {
        return switch (dataType) {
            case BIT -> BOOL;
            case INT8 -> INT8_RAW;
            case UINT8 -> UINT8_RAW;
            case INT16 -> INT16_RAW;
            case UINT16 -> UINT16_RAW;
            case INT32 -> INT32_RAW;
            case FLOAT32 -> FLOAT32_RAW;
            case FLOAT64 -> FLOAT64_RAW;
        };
    }

    /** The type with the default (constant) NoData of a data type; {@code bool} has none and stays {@code bool}. */
    public static CellType withDefaultNoData(DataType dataType) {
        return switch (dataType) {
            case BIT -> BOOL;
            case INT8 -> INT8;
            case UINT8 -> UINT8;
            case INT16 -> INT16;
            case UINT16 -> UINT16;
            case INT32 -> INT32;
            case FLOAT32 -> FLOAT32;
            case FLOAT64 -> FLOAT64;
        };
    }

    /**
     * A user-defined NoData type, without collapsing to the constant type when the value equals the
     * default (GeoTrellis's {@code XxxUserDefinedNoDataCellType(v)}). The value is narrowed with a plain
     * cast: {@code (byte)}, {@code (short)}, {@code (int)} or {@code (float)}. NaN for a float type gives
     * the constant type, since a NaN user value cannot be told apart from it.
     *
     * @throws IllegalArgumentException for {@link DataType#BIT}, which has no NoData
     */
    public static CellType userDefined(DataType dataType, double noData) {
        return switch (dataType) {
            case BIT -> throw new IllegalArgumentException("cell type bool has no NoData value; got " + noData);
            case INT8, UINT8 -> new CellType(dataType, NoDataMode.USER_DEFINED, (byte) (int) noData);
            case INT16, UINT16 -> new CellType(dataType, NoDataMode.USER_DEFINED, (short) (int) noData);
            case INT32 -> new CellType(dataType, NoDataMode.USER_DEFINED, (int) noData);
            case FLOAT32 ->
                Double.isNaN(noData) ? FLOAT32 : new CellType(dataType, NoDataMode.USER_DEFINED, (float) noData);
            case FLOAT64 -> Double.isNaN(noData) ? FLOAT64 : new CellType(dataType, NoDataMode.USER_DEFINED, noData);
        };
    }

    /**
     * GeoTrellis's {@code withNoData(Option[Double])}: empty gives the raw type; a value that, once
     * narrowed, equals the type's default NoData gives the constant type; any other value a
     * user-defined type.
     */
    public static CellType withNoData(DataType dataType, OptionalDouble noData) {
        if (noData.isEmpty()) {
            return raw(dataType);
        }
        if (dataType == DataType.BIT) {
            return BOOL;
        }
        CellType ud = userDefined(dataType, noData.getAsDouble());
        CellType constant = withDefaultNoData(dataType);
        return ud.mode == NoDataMode.USER_DEFINED && Double.compare(ud.storedNoData, constant.storedNoData) == 0
                ? constant
                : ud;
    }

    /** This data type with another NoData policy, as {@link #withNoData(DataType, OptionalDouble)}. */
    public CellType withNoData(OptionalDouble noData) {
        return withNoData(dataType, noData);
    }

    public CellType withDefaultNoData() {
        return withDefaultNoData(dataType);
    }

    public CellType withNoNoData() {
        return raw(dataType);
    }

    // ------------------------------------------------------------------ names

    /**
     * Parses a GeoTrellis cell type name ({@code CellType.fromName}). Fixed names must match exactly
     * ({@code boolraw} is accepted for {@code bool}); user-defined names are a family prefix and a
     * number, integers for integer families, any Java double for float families ({@code NaN} gives the
     * constant type). User-defined values equal to the default are <em>not</em> collapsed.
     *
     * @throws IllegalArgumentException naming the text when it is not a cell type
     */
    public static CellType parse(String name) {
        Objects.requireNonNull(name, "cell type name");
        if (name.equals("boolraw")) {
            return BOOL;
        }
        for (CellType fixed : FIXED) {
            if (fixed.name().equals(name)) {
                return fixed;
            }
        }
        // Same order as GeoTrellis tries its user-defined families.
        for (DataType family : new DataType[] {
            DataType.INT8,
            DataType.UINT8,
            DataType.INT16,
            DataType.UINT16,
            DataType.INT32,
            DataType.FLOAT32,
            DataType.FLOAT64
        }) {
            String prefix = family.prefix() + "ud";
            if (!name.startsWith(prefix)) {
                continue;
            }
            // GeoTrellis removes every occurrence of the prefix, not only the leading one.
            String number = name.replace(prefix, "");
            try {
                if (family.isFloatingPoint()) {
                    return userDefined(family, Double.parseDouble(number));
                }
                return userDefined(family, Integer.parseInt(number));
            } catch (NumberFormatException notThisFamily) {
                // fall through, as GeoTrellis's extractors do
            }
        }
        throw new IllegalArgumentException("Cell type " + name + " is not supported");
    }

    /** The exact GeoTrellis name, e.g. {@code uint8ud255} or {@code float32ud-9999.0}. */
    public String name() {
        String prefix = dataType.prefix();
        return switch (mode) {
            case RAW -> dataType == DataType.BIT ? "bool" : prefix + "raw";
            case CONSTANT -> prefix;
            case USER_DEFINED ->
                prefix + "ud"
                        + switch (dataType) {
                            case UINT8 -> Integer.toString(intNoData() & 0xFF);
                            case UINT16 -> Integer.toString(intNoData() & 0xFFFF);
                            case INT8, INT16, INT32 -> Integer.toString(intNoData());
                            default -> Double.toString(storedNoData);
                        };
        };
    }

    @Override
    public String toString() {
        return name();
    }

    // ------------------------------------------------------------------ properties

    public DataType dataType() {
        return dataType;
    }

    public NoDataMode noDataMode() {
        return mode;
    }

    public int bits() {
        return dataType.bits();
    }

    public boolean isFloatingPoint() {
        return dataType.isFloatingPoint();
    }

    public boolean hasNoData() {
        return mode != NoDataMode.RAW;
    }

    /**
     * The stored NoData sample of an integer type as an int: the narrowed, signed value
     * ({@code uint8ud255} gives -1, {@code uint8} gives 0, {@code int16} gives -32768).
     *
     * @throws IllegalStateException for raw or floating point types
     */
    public int intNoData() {
        if (mode == NoDataMode.RAW || dataType.isFloatingPoint()) {
            throw new IllegalStateException("cell type " + name() + " has no integer NoData value");
        }
        return (int) storedNoData;
    }

    /**
     * The stored NoData sample of a floating point type: NaN for the constant types, the user value
     * otherwise (for float32 already rounded to float).
     *
     * @throws IllegalStateException for raw or integer types
     */
    public double floatNoData() {
        if (mode == NoDataMode.RAW || !dataType.isFloatingPoint()) {
            throw new IllegalStateException("cell type " + name() + " has no floating point NoData value");
        }
        return storedNoData;
    }

    /**
     * The NoData value as the number it means (unsigned types masked: {@code uint8ud255} gives 255),
     * or empty for raw types. This is what a GeoTIFF {@code GDAL_NODATA} tag would say.
     */
    public OptionalDouble noDataValue() {
        if (mode == NoDataMode.RAW) {
            return OptionalDouble.empty();
        }
        return switch (dataType) {
            case UINT8 -> OptionalDouble.of(intNoData() & 0xFF);
            case UINT16 -> OptionalDouble.of(intNoData() & 0xFFFF);
            default -> OptionalDouble.of(storedNoData);
        };
    }

    /**
     * GeoTrellis's cell type union, used by {@code combine} and local ops: the wider type, on equal
     * width the floating point one, otherwise {@code other}. The winner keeps its own NoData policy.
     */
    public CellType union(CellType other) {
        return dataType.unionPrefersOther(other.dataType) ? other : this;
    }

    /** GeoTrellis's cell type intersection: the narrower type, on equal width the integral one, otherwise this. */
    public CellType intersect(CellType other) {
        return dataType.unionPrefersOther(other.dataType) ? this : other;
    }

    /** Keeps the fixed types unique across Java serialization. */
    private Object readResolve() {
        for (CellType fixed : FIXED) {
            if (fixed.equals(this)) {
                return fixed;
            }
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellType c
                && c.dataType == dataType
                && c.mode == mode
                && Double.compare(c.storedNoData, storedNoData) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataType, mode, storedNoData);
    }
}
