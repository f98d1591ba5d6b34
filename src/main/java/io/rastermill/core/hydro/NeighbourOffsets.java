package io.rastermill.core.hydro;

/** Row-major index offsets of the eight D8 neighbours in a grid {@code w} cells wide, for interior cells. */
final class NeighbourOffsets {
    private NeighbourOffsets() {}

    static int[] of(int w) {
        int[] offset = new int[8];
        for (int k = 0; k < 8; k++) {
            offset[k] = D8.dy(k) * w + D8.dx(k);
        }
        return offset;
    }
}
