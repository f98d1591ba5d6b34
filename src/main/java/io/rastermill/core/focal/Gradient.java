package io.rastermill.core.focal;

/** Surface derivatives of a 3×3 window (a..i row-major, north first). Package-private. */
final class Gradient {
    private Gradient() {}

    /** East-west difference sum: dz/dx · (8·cw) for Horn, · (2·cw) for Zevenbergen-Thorne. */
    static double dxSum(double[] w, boolean horn) {
        return horn ? (w[2] + 2 * w[5] + w[8]) - (w[0] + 2 * w[3] + w[6]) : w[5] - w[3];
    }

    /** North-south difference sum, positive when z grows southward. */
    static double dySum(double[] w, boolean horn) {
        return horn ? (w[6] + 2 * w[7] + w[8]) - (w[0] + 2 * w[1] + w[2]) : w[7] - w[1];
    }

    /** The divisor turning a difference sum into a derivative over a cell of size {@code res}. */
    static double divisor(boolean horn, double res) {
        return (horn ? 8 : 2) * res;
    }

    /** {@link #dxSum} in float arithmetic, in gdaldem's order, for the GDALDEM convention. */
    static double dxSumF(double[] w, boolean horn) {
        if (!horn) {
            return (float) w[5] - (float) w[3];
        }
        float a = (float) w[0];
        float c = (float) w[2];
        float d = (float) w[3];
        float f = (float) w[5];
        float g = (float) w[6];
        float i = (float) w[8];
        return (c + f + f + i) - (a + d + d + g);
    }

    /** {@link #dySum} in float arithmetic, in gdaldem's order, for the GDALDEM convention. */
    static double dySumF(double[] w, boolean horn) {
        if (!horn) {
            return (float) w[7] - (float) w[1];
        }
        float a = (float) w[0];
        float b = (float) w[1];
        float c = (float) w[2];
        float g = (float) w[6];
        float h = (float) w[7];
        float i = (float) w[8];
        return (g + h + h + i) - (a + b + b + c);
    }
}
