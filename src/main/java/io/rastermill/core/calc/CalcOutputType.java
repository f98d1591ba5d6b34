package io.rastermill.core.calc;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The cell type a calc result is written as, from what the user named: an output type (a GDAL data type name such as
 * {@code UInt16}, or a GeoTrellis cell type name such as {@code float32ud-9999.0}) and a NoData value, either of them
 * optional. A GDAL data type alone gets gdal_calc.py's NoData for that type: NaN for floats, 255 for Byte, 65535 for
 * UInt16, the minimum for the other integer types. Neither given: the expression's own default
 * ({@link CalcProgram#defaultCellType()}). Error messages start with "output type" or "NoData", so a front end can
 * put its own name for the argument in their place.
 */
public final class CalcOutputType {

    private CalcOutputType() {}

    /**
     * @param expressionDefault the expression's default cell type, used when {@code type} is null
     * @param type              a GDAL data type or GeoTrellis cell type name, or null
     * @param noData            the NoData value ("nan" for NaN), or null for the type's default
     * @throws IllegalArgumentException naming {@code type} or {@code noData} when either is not valid, or the value
     *                                  does not fit the data type
     */
    public static CellType resolve(CellType expressionDefault, String type, String noData) {
        OptionalDouble nd = parseNoData(noData);
        if (type == null) {
            return nd.isPresent()
                    ? withNoData(expressionDefault.dataType(), nd.getAsDouble(), noData)
                    : expressionDefault;
        }
        DataType dt = DataType.fromGdalName(type).orElse(null);
        if (dt == null) {
            CellType exact;
            try {
                exact = CellType.parse(type);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "output type must be Byte, Int8, UInt16, Int16, Int32, Float32, "
                                + "Float64 or a GeoTrellis cell type, not '" + type + "'",
                        e);
            }
            return nd.isPresent() ? withNoData(exact.dataType(), nd.getAsDouble(), noData) : exact;
        }
        return nd.isPresent() ? withNoData(dt, nd.getAsDouble(), noData) : withDefaultNoData(dt);
    }

    /** gdal_calc.py's NoData for an output of {@code dataType}: 255 Byte, 65535 UInt16, else CellType's default. */
    public static CellType withDefaultNoData(DataType dataType) {
        return switch (dataType) {
            case UINT8 -> CellType.userDefined(DataType.UINT8, 255);
            case UINT16 -> CellType.userDefined(DataType.UINT16, 65535);
            default -> CellType.withDefaultNoData(dataType);
        };
    }

    private static OptionalDouble parseNoData(String noData) {
        if (noData == null) {
            return OptionalDouble.empty();
        }
        String v = noData.trim();
        try {
            return OptionalDouble.of(v.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("NoData must be a number or nan, not '" + noData + "'", e);
        }
    }

    private static CellType withNoData(DataType dt, double v, String spelled) {
        if (Double.isNaN(v)) {
            if (!dt.isFloatingPoint()) {
                throw new IllegalArgumentException("NoData nan needs a floating point output type, not "
                        + dt.name().toLowerCase(Locale.ROOT));
            }
            return CellType.withDefaultNoData(dt);
        }
        if (!dt.isFloatingPoint() && (v != Math.rint(v) || v < dt.minValue() || v > dt.maxValue())) {
            throw new IllegalArgumentException("NoData " + spelled + " is not a value of "
                    + dt.name().toLowerCase(Locale.ROOT) + " (" + (long) dt.minValue() + " to " + (long) dt.maxValue()
                    + ")");
        }
        try {
            return CellType.withNoData(dt, OptionalDouble.of(v));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("NoData " + spelled + ": " + e.getMessage(), e);
        }
    }
}
