package io.rastermill.core.hydro;

/**
 * The eight D8 directions in ESRI code order: 1 E, 2 SE, 4 S, 8 SW, 16 W, 32 NW, 64 N, 128 NE
 * (rows grow southwards). Direction {@code k} (0..7) has code {@code 1 << k}; ties between
 * directions are always broken by this order, which is what makes results independent of tiling.
 */
public final class D8 {
    /** The code of a cell without a direction (NoData) in the Byte output. */
    public static final int NO_DATA = 255;

    private static final int[] DX = {1, 1, 0, -1, -1, -1, 0, 1};
    private static final int[] DY = {0, 1, 1, 1, 0, -1, -1, -1};

    private D8() {}

    public static int dx(int k) {
        return DX[k];
    }

    public static int dy(int k) {
        return DY[k];
    }

    public static int code(int k) {
        return 1 << k;
    }

    /** Whether direction {@code k} is diagonal (its length is √2 cells). */
    public static boolean diagonal(int k) {
        return (k & 1) == 1;
    }

    /** The direction (0..7) of an ESRI code, or -1 if it is not one of the eight. */
    public static int direction(int code) {
        return switch (code) {
            case 1 -> 0;
            case 2 -> 1;
            case 4 -> 2;
            case 8 -> 3;
            case 16 -> 4;
            case 32 -> 5;
            case 64 -> 6;
            case 128 -> 7;
            default -> -1;
        };
    }
}
