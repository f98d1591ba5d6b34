package io.rastermill.core.focal;

/**
 * Double lanes that the 3×3 terrain kernels reuse from tile to tile on one thread, instead of two
 * fresh arrays per tile (the window in the double lane and the result before it is narrowed): each is
 * 2 MiB for a 512² tile, so a 16384² slope allocated and zeroed ~4 GiB of them, which drove most of
 * its young collections and the page faults of a growing heap (src/test/bench/alloc-profile.sh).
 *
 * <p>Ownership rule: a lane is lent to one kernel call on the calling thread and never escapes it —
 * {@link Window3} keeps its lane private, and a result lane is narrowed into the output tile's own
 * array before {@code apply} returns. Kernels do not nest, so one lane per slot is enough. A lane of
 * more than {@link #MAX_CELLS} cells is never kept, so a pool thread does not pin a huge array.
 */
final class ScratchLanes {
    /** The lane of a {@link Window3}: the buffered tile in the double lane. */
    static final int WINDOW = 0;
    /** The lane a kernel computes its result in, before it is narrowed to the output's cell type. */
    static final int RESULT = 1;

    static final int MAX_CELLS = 1 << 20;

    private static final ThreadLocal<double[][]> LANES = ThreadLocal.withInitial(() -> new double[2][]);

    private ScratchLanes() {}

    /**
     * This thread's lane of {@code cells} cells for {@code slot}; its contents are whatever the last
     * user left, so the caller overwrites every cell it reads.
     */
    static double[] lane(int slot, int cells) {
        if (cells > MAX_CELLS) {
            return new double[cells];
        }
        double[][] lanes = LANES.get();
        double[] lane = lanes[slot];
        if (lane == null || lane.length != cells) {
            lane = new double[cells];
            lanes[slot] = lane;
        }
        return lane;
    }
}
