package io.rastermill.core.focal;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The cells around a focal cell that a focal operation reads: a square, a circle, an annulus or any
 * set of cells with weights, within {@link #radius()} cells of the focal cell.
 *
 * <p>The cells are kept as primitive arrays in row-major order (north row first, west to east), so a
 * kernel turns them once per tile into offsets into its buffered tile ({@link #offsets(int)}) and
 * reads every cell's window with index arithmetic only. Distances are in cells, not map units:
 * {@link #circle} holds the cells whose centre lies within {@code radius} of the focal cell's centre.
 * Immutable and thread-safe.
 */
public final class Neighbourhood implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String description;
    private final int radius;
    private final int[] dx;
    private final int[] dy;
    private final double[] weights;

    private Neighbourhood(String description, int radius, int[] dx, int[] dy, double[] weights) {
        this.description = description;
        this.radius = radius;
        this.dx = dx;
        this.dy = dy;
        this.weights = weights;
    }

    /** The {@code (2·radius + 1)²} cells of a square centred on the focal cell. */
    public static Neighbourhood square(int radius) {
        checkRadius(radius);
        return ring("square(" + radius + ")", radius, -1, Long.MAX_VALUE);
    }

    /** The cells within {@code radius} cells of the focal cell (centre to centre), focal cell included. */
    public static Neighbourhood circle(int radius) {
        checkRadius(radius);
        return ring("circle(" + radius + ")", radius, -1, (long) radius * radius);
    }

    /**
     * The cells farther than {@code inner} and at most {@code outer} cells from the focal cell: the
     * circle of radius {@code outer} without the circle of radius {@code inner}
     * ({@code inner} = 0 leaves out the focal cell only).
     */
    public static Neighbourhood annulus(int inner, int outer) {
        checkRadius(outer);
        if (inner < 0 || inner >= outer) {
            throw new IllegalArgumentException(
                    "annulus needs 0 <= inner < outer, got inner " + inner + ", outer " + outer);
        }
        return ring("annulus(" + inner + ", " + outer + ")", outer, (long) inner * inner, (long) outer * outer);
    }

    /**
     * Custom weights: {@code (2·radius + 1)²} values, row-major with the north row first; a cell whose
     * weight is 0 is not part of the neighbourhood.
     */
    public static Neighbourhood weighted(int radius, double... weights) {
        checkRadius(radius);
        int side = 2 * radius + 1;
        if (weights.length != side * side) {
            throw new IllegalArgumentException("a neighbourhood of radius " + radius + " needs " + side * side
                    + " weights (" + side + "x" + side + ", row-major), got " + weights.length);
        }
        int n = 0;
        for (double w : weights) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("neighbourhood weights must be finite, got " + w);
            }
            if (w != 0) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("a neighbourhood needs at least one non-zero weight");
        }
        int[] dx = new int[n];
        int[] dy = new int[n];
        double[] ws = new double[n];
        for (int i = 0, k = 0; i < weights.length; i++) {
            if (weights[i] != 0) {
                dy[k] = i / side - radius;
                dx[k] = i % side - radius;
                ws[k++] = weights[i];
            }
        }
        return new Neighbourhood("weighted(" + radius + ", " + Arrays.toString(weights) + ")", radius, dx, dy, ws);
    }

    private static void checkRadius(int radius) {
        if (radius < 0) {
            throw new IllegalArgumentException("a neighbourhood radius must be >= 0, got " + radius);
        }
    }

    /** Cells with {@code min2 < dx² + dy² <= max2}, all weighted 1; integer arithmetic, so no rounding at the rim. */
    private static Neighbourhood ring(String description, int radius, long min2, long max2) {
        int side = 2 * radius + 1;
        int[] dx = new int[side * side];
        int[] dy = new int[side * side];
        int n = 0;
        for (int y = -radius; y <= radius; y++) {
            for (int x = -radius; x <= radius; x++) {
                long d2 = (long) x * x + (long) y * y;
                if (d2 > min2 && d2 <= max2) {
                    dx[n] = x;
                    dy[n] = y;
                    n++;
                }
            }
        }
        double[] ws = new double[n];
        Arrays.fill(ws, 1);
        return new Neighbourhood(description, radius, Arrays.copyOf(dx, n), Arrays.copyOf(dy, n), ws);
    }

    /** The halo a kernel over this neighbourhood needs: the largest |dx| or |dy|. */
    public int radius() {
        return radius;
    }

    /** The number of cells. */
    public int size() {
        return dx.length;
    }

    /** The column offsets of the cells from the focal cell, row-major (a copy). */
    public int[] dx() {
        return dx.clone();
    }

    /** The row offsets of the cells from the focal cell, positive southward (a copy). */
    public int[] dy() {
        return dy.clone();
    }

    /** The cells' weights, in the order of {@link #dx()} (1 for square, circle and annulus; a copy). */
    public double[] weights() {
        return weights.clone();
    }

    /** Whether every cell weighs 1: square, circle, annulus, or custom weights that are all 0 or 1. */
    public boolean isUnweighted() {
        for (double w : weights) {
            if (w != 1) {
                return false;
            }
        }
        return true;
    }

    /** Whether this is the whole {@code (2·radius + 1)²} square, every cell weighing 1 (e.g. {@link #square}). */
    public boolean isSquare() {
        int side = 2 * radius + 1;
        return dx.length == side * side && isUnweighted();
    }

    /** The cells as offsets into a row-major grid {@code stride} cells wide, in the order of {@link #dx()}. */
    public int[] offsets(int stride) {
        int[] off = new int[dx.length];
        for (int k = 0; k < off.length; k++) {
            off[k] = dy[k] * stride + dx[k];
        }
        return off;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Neighbourhood n
                && radius == n.radius
                && Arrays.equals(dx, n.dx)
                && Arrays.equals(dy, n.dy)
                && Arrays.equals(weights, n.weights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(dx) + Arrays.hashCode(dy)) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return description;
    }
}
