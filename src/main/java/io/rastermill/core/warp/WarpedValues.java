package io.rastermill.core.warp;

import io.rastermill.core.cell.CellType;

/**
 * Warped double-lane values made ready for an integer cell type, as GDAL's warper writes them: rounded half up
 * and clamped to the type's range. NaN (NoData) stays NaN.
 */
public final class WarpedValues {
    private WarpedValues() {}

    /** Rounds and clamps {@code lane} in place for {@code cellType} (nothing to do for float types); returns it. */
    public static double[] fitted(double[] lane, CellType cellType) {
        double lo;
        double hi;
        switch (cellType.dataType()) {
            case BIT -> {
                lo = 0;
                hi = 1;
            }
            case INT8 -> {
                lo = Byte.MIN_VALUE;
                hi = Byte.MAX_VALUE;
            }
            case UINT8 -> {
                lo = 0;
                hi = 255;
            }
            case INT16 -> {
                lo = Short.MIN_VALUE;
                hi = Short.MAX_VALUE;
            }
            case UINT16 -> {
                lo = 0;
                hi = 65535;
            }
            case INT32 -> {
                lo = Integer.MIN_VALUE;
                hi = Integer.MAX_VALUE;
            }
            default -> {
                return lane;
            }
        }
        for (int i = 0; i < lane.length; i++) {
            double v = lane[i];
            if (!Double.isNaN(v)) {
                lane[i] = Math.min(hi, Math.max(lo, Math.floor(v + 0.5)));
            }
        }
        return lane;
    }
}
