package io.rastermill.core.local;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;

/**
 * Cell type conversion, the lane conversions every mixed-type op uses, and the two of them that are
 * catalog ops: {@code int} (into the int lane) and {@code float} (into the double lane, also
 * {@code double}).
 *
 * <p><b>Rules</b> (GeoTrellis's {@code convert}): NoData stays NoData and is stored as the target's
 * NoData; integral sources go through the int lane, floating point sources through the double lane;
 * to an integral target a double is truncated toward zero and saturated at the int range, then
 * narrowed by a JVM cast (8/16-bit targets wrap); to float32 a double is rounded to nearest. A value
 * that lands on the target's NoData value reads back as NoData. A raw target has no NoData: NoData
 * cells are stored as 0 (integral) or NaN (floating point).
 */
public final class Conversion {
    private Conversion() {}

    /** The kernel is the identity: the typing does the work (an integral tile is returned as it is). */
    public static final LocalOp TO_INT = LocalOp.of(
            "int",
            1,
            LocalOp.Typing.INTEGRAL,
            LocalOp.INT_IDENTITY,
            null,
            "a truncated toward zero into the int lane (int32 for floating point a; NaN is NoData)");

    /** The kernel is the identity: the typing does the work (a floating point tile is returned as it is). */
    public static final LocalOp TO_FLOAT = LocalOp.floating(
                    "float", 1, LocalOp.DOUBLE_IDENTITY, "a in the double lane (float64 for integral a)")
            .withAliases("double");

    /** {@code t}'s cells in {@code target}, by the rules above. */
    public static Tile convert(Tile t, CellType target) {
        return t.convert(target);
    }

    /** Int lane to double lane: NoData becomes NaN. */
    public static void toDoubleLane(int[] a, double[] out, int n) {
        Operands.requireLength(n, a.length, out.length);
        for (int i = 0; i < n; i++) {
            int x = a[i];
            out[i] = x == NoData.INT ? Double.NaN : x;
        }
    }

    /** Double lane to int lane: NaN becomes NoData, others truncated toward zero and saturated. */
    public static void toIntLane(double[] a, int[] out, int n) {
        Operands.requireLength(n, a.length, out.length);
        for (int i = 0; i < n; i++) {
            double x = a[i];
            out[i] = x != x ? NoData.INT : (int) x;
        }
    }
}
