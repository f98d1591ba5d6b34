package io.rastermill.io.geotiff;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import java.util.Arrays;
import java.util.Objects;

/**
 * Makes one overview block (level {@code k + 1}) from the up to four blocks below it (level {@code k}):
 * the reduction {@link GeoTiffWriter} uses, public so that a distributed writer produces the same
 * overview tiles. Each parent cell comes from the 2×2 child cells under it that lie inside level
 * {@code k}; NoData is skipped (AVERAGE, MODE) or taken as it is (NEAREST), as {@link OverviewResampling}
 * says; a parent cell without any source is NoData. The parent is always {@code blockSize²}, in the
 * description's cell type (cells past the level's edge are NoData).
 *
 * <p>Not thread-safe (scratch lanes): one instance per thread or task.
 */
public final class OverviewBlockReducer {
    private final int size;
    private final int bands;
    private final CellType cellType;
    private final OverviewReducer reducer;
    private final double[][] children = new double[4][];
    private final double[] out;
    private double[][][] scratch;

    public OverviewBlockReducer(RasterDescription description, GeoTiffWriteOptions options) {
        this(options.blockSize(), description.bandCount(), description.cellType(), options.resampling());
    }

    OverviewBlockReducer(int size, int bands, CellType cellType, OverviewResampling resampling) {
        this.size = size;
        this.bands = bands;
        this.cellType = cellType;
        this.reducer = new OverviewReducer(size, resampling, !cellType.isFloatingPoint());
        this.out = new double[size * size];
    }

    /**
     * The parent block {@code (parentCol, parentRow)} of level {@code k + 1}.
     *
     * @param children    {@code children[dy * 2 + dx]} is block {@code (2·parentCol + dx, 2·parentRow + dy)} of
     *                    level {@code k}, or null where absent (treated as NoData); a child may be full-size
     *                    or cropped to level {@code k}'s edge
     * @param childWidth  level {@code k}'s width in pixels
     * @param childHeight level {@code k}'s height in pixels
     */
    public MultibandTile reduce(
            int parentCol, int parentRow, MultibandTile[] children, int childWidth, int childHeight) {
        Objects.requireNonNull(children, "children");
        if (children.length != 4) {
            throw new IllegalArgumentException("an overview block has 4 children, got " + children.length);
        }
        if (scratch == null) {
            scratch = new double[4][bands][size * size];
        }
        double[][][] lanes = new double[4][][];
        for (int q = 0; q < 4; q++) {
            MultibandTile child = children[q];
            if (child == null) {
                continue;
            }
            if (child.bandCount() != bands || child.cols() > size || child.rows() > size) {
                throw new IllegalArgumentException("child " + q + " of overview block (" + parentCol + ", " + parentRow
                        + ") is " + child.cols() + "x" + child.rows() + " with " + child.bandCount()
                        + " bands; expected at most "
                        + size + "x" + size + " with " + bands);
            }
            MultibandTile c = child.cellType().equals(cellType) ? child : child.interpretAs(cellType);
            for (int b = 0; b < bands; b++) {
                readInto(c.band(b), scratch[q][b]);
            }
            lanes[q] = scratch[q];
        }
        return reduceLanes(parentCol, parentRow, lanes, childWidth, childHeight);
    }

    private void readInto(Tile t, double[] lane) {
        if (t.cols() == size && t.rows() == size) {
            t.readDoubles(lane);
            return;
        }
        Arrays.fill(lane, Double.NaN);
        double[] part = t.toDoubleLane();
        for (int r = 0; r < t.rows(); r++) {
            System.arraycopy(part, r * t.cols(), lane, r * size, t.cols());
        }
    }

    /**
     * The quarter of parent block {@code (childCol / 2, childRow / 2)} that child {@code (childCol, childRow)}
     * alone determines ({@code blockSize/2} square; parent cells depend only on the child under them):
     * {@link #assemble} of the four quarters equals {@link #reduce} of the four children, so a distributed
     * writer can reduce each child where it is and move a quarter of the data.
     */
    public MultibandTile quarter(int childCol, int childRow, MultibandTile child, int childWidth, int childHeight) {
        MultibandTile[] children = new MultibandTile[4];
        int q = (childRow & 1) * 2 + (childCol & 1);
        children[q] = Objects.requireNonNull(child, "child");
        MultibandTile parent = reduce(childCol / 2, childRow / 2, children, childWidth, childHeight);
        int half = size / 2;
        int x0 = (q & 1) * half;
        int y0 = (q >> 1) * half;
        return parent.crop(x0, y0, x0 + half - 1, y0 + half - 1);
    }

    /**
     * A parent block from its quarters ({@code quarters[dy * 2 + dx]}, each {@code blockSize/2} square, from
     * {@link #quarter}; null where the child is absent: NoData).
     */
    public MultibandTile assemble(MultibandTile[] quarters) {
        int half = size / 2;
        double[] lane = new double[size * size];
        double[] part = new double[half * half];
        Tile[] tiles = new Tile[bands];
        for (int b = 0; b < bands; b++) {
            Arrays.fill(lane, Double.NaN);
            for (int q = 0; q < 4; q++) {
                if (quarters[q] == null) {
                    continue;
                }
                Tile t = quarters[q].band(b);
                if (t.cols() != half || t.rows() != half) {
                    throw new IllegalArgumentException(
                            "quarter " + q + " is " + t.cols() + "x" + t.rows() + ", expected " + half + "x" + half);
                }
                (t.cellType().equals(cellType) ? t : t.interpretAs(cellType)).readDoubles(part);
                int x0 = (q & 1) * half;
                int y0 = (q >> 1) * half;
                for (int r = 0; r < half; r++) {
                    System.arraycopy(part, r * half, lane, (y0 + r) * size + x0, half);
                }
            }
            tiles[b] = ArrayTile.fromDoubleLane(cellType, size, size, lane);
        }
        return MultibandTile.of(tiles);
    }

    /** {@link #reduce} from children already in the double lane ({@code lanes[q][band]}, {@code size²} cells, or null). */
    MultibandTile reduceLanes(int parentCol, int parentRow, double[][][] lanes, int childWidth, int childHeight) {
        int srcWidth = (int) Math.min(2L * size, childWidth - 2L * parentCol * size);
        int srcHeight = (int) Math.min(2L * size, childHeight - 2L * parentRow * size);
        Tile[] tiles = new Tile[bands];
        for (int b = 0; b < bands; b++) {
            for (int q = 0; q < 4; q++) {
                children[q] = lanes[q] == null ? null : lanes[q][b];
            }
            reducer.reduce(children, srcWidth, srcHeight, out);
            tiles[b] = ArrayTile.fromDoubleLane(cellType, size, size, out);
        }
        return MultibandTile.of(tiles);
    }
}
