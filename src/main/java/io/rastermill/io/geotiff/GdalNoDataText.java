package io.rastermill.io.geotiff;

import io.rastermill.core.cell.CellType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The text of the GDAL_NODATA tag (42113) for a cell type, spelled as GDAL spells it: C's
 * {@code %.18g} (18 significant digits, trailing zeros dropped, exponent form below 1e-4 and from
 * 1e18), so integers have no ".0" ({@code -9999}), float32 values show their double expansion
 * ({@code 0.100000001490116119}), and NaN is {@code nan}. Stateless.
 */
final class GdalNoDataText {
    private static final MathContext DIGITS = new MathContext(18, RoundingMode.HALF_EVEN);

    private GdalNoDataText() {}

    /** The tag text, or empty for raw types (no tag). */
    static Optional<String> of(CellType cellType) {
        return cellType.noDataValue().isPresent()
                ? Optional.of(format(cellType.noDataValue().getAsDouble()))
                : Optional.empty();
    }

    /** {@code v} as C's {@code printf("%.18g")}, with GDAL's "nan", "inf" and "-inf". */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        BigDecimal d = new BigDecimal(v).round(DIGITS);
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= 18) {
            String digits = d.unscaledValue().abs().toString().replaceAll("0+$", "");
            StringBuilder s = new StringBuilder(d.signum() < 0 ? "-" : "");
            s.append(digits.charAt(0));
            if (digits.length() > 1) {
                s.append('.').append(digits, 1, digits.length());
            }
            s.append('e').append(exponent < 0 ? '-' : '+');
            int e = Math.abs(exponent);
            if (e < 10) {
                s.append('0');
            }
            return s.append(e).toString();
        }
        return d.stripTrailingZeros().toPlainString();
    }
}
