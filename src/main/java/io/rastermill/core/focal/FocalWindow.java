package io.rastermill.core.focal;

import java.util.Arrays;

/**
 * A buffered tile opened for one {@link Neighbourhood}: the cells in the double lane (NoData is NaN,
 * and so is every halo cell on a side that lies outside the raster), the neighbourhood as offsets into
 * that array, and the index of each target cell. What a focal kernel needs so that it never does halo
 * arithmetic itself:
 *
 * <pre>{@code
 * double[] v = w.values();
 * int[] off = w.offsets();
 * for (int r = 0, k = 0; r < w.rows(); r++) {
 *     for (int c = 0; c < w.cols(); c++, k++) {
 *         int i = w.index(c, r);              // the target cell in v
 *         double s = 0;
 *         for (int o : off) { s += v[i + o]; } // its neighbourhood
 *         out[k] = s;
 *     }
 * }
 * }</pre>
 *
 * <p>One window per tile; the arrays are the window's own (a kernel may overwrite {@link #values()}
 * as scratch space). Not thread-safe.
 */
public final class FocalWindow {
    private final BufferedTile input;
    private final Neighbourhood neighbourhood;
    private final double[] values;
    private final int stride;
    private final int origin;
    private final int[] offsets;
    private final double[] weights;

    /**
     * Opens {@code input} for {@code neighbourhood}, whose radius must not exceed the input's halo.
     */
    public FocalWindow(BufferedTile input, Neighbourhood neighbourhood) {
        this(input, neighbourhood, new double[input.tile().size()]);
    }

    /**
     * As {@link #FocalWindow(BufferedTile, Neighbourhood)}, with the cells read into {@code lane} (at least the
     * buffered tile's size; overwritten), e.g. a {@link ScratchLanes} lane the caller owns for this tile.
     */
    FocalWindow(BufferedTile input, Neighbourhood neighbourhood, double[] lane) {
        if (input.halo() < neighbourhood.radius()) {
            throw new IllegalArgumentException("neighbourhood " + neighbourhood + " needs a halo >= "
                    + neighbourhood.radius() + ", got a buffered tile with halo " + input.halo());
        }
        this.input = input;
        this.neighbourhood = neighbourhood;
        input.tile().readDoubles(lane);
        this.values = lane;
        this.stride = input.tile().cols();
        int halo = input.halo();
        this.origin = halo * stride + halo;
        this.offsets = neighbourhood.offsets(stride);
        this.weights = neighbourhood.weights();
        int h = input.tile().rows();
        BufferedTile.Sides s = input.outside();
        if (s.north()) {
            fill(0, halo, 0, stride);
        }
        if (s.south()) {
            fill(h - halo, h, 0, stride);
        }
        if (s.west()) {
            fill(0, h, 0, halo);
        }
        if (s.east()) {
            fill(0, h, stride - halo, stride);
        }
    }

    private void fill(int y0, int y1, int x0, int x1) {
        for (int y = y0; y < y1; y++) {
            Arrays.fill(values, y * stride + x0, y * stride + x1, Double.NaN);
        }
    }

    /** The buffered tile this window reads. */
    public BufferedTile input() {
        return input;
    }

    public Neighbourhood neighbourhood() {
        return neighbourhood;
    }

    /** Width of the target (the output tile). */
    public int cols() {
        return input.cols();
    }

    /** Height of the target (the output tile). */
    public int rows() {
        return input.rows();
    }

    /** Cells of the buffered tile, row-major, {@link #stride()} wide; NaN for NoData and outside cells. */
    public double[] values() {
        return values;
    }

    /** Width of the buffered tile: the distance in {@link #values()} between vertically adjacent cells. */
    public int stride() {
        return stride;
    }

    /** The neighbourhood as offsets into {@link #values()} from a target cell's index. */
    public int[] offsets() {
        return offsets;
    }

    /** The neighbourhood's weights, in the order of {@link #offsets()}. */
    public double[] weights() {
        return weights;
    }

    /** The index in {@link #values()} of target cell ({@code col}, {@code row}). */
    public int index(int col, int row) {
        return origin + row * stride + col;
    }

    /**
     * Copies the data values of the neighbourhood of the cell at {@code index} (skipping NoData and
     * outside cells) into {@code buf}, in the neighbourhood's order; returns how many were copied.
     * {@code buf} needs {@code neighbourhood().size()} slots.
     */
    public int gather(int index, double[] buf) {
        int n = 0;
        for (int o : offsets) {
            double v = values[index + o];
            if (v == v) {
                buf[n++] = v;
            }
        }
        return n;
    }
}
