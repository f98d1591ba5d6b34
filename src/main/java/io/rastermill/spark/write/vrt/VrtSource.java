package io.rastermill.spark.write.vrt;

import java.io.Serializable;
import java.util.Objects;

/**
 * One tile file of the mosaic: where it lies in the raster and its path relative to the VRT. A class
 * rather than a record because it travels back from the tasks, and Spark's Kryo cannot build records.
 */
public final class VrtSource implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int col;
    private final int row;
    private final int xOff;
    private final int yOff;
    private final int width;
    private final int height;
    private final String relativePath;

    /**
     * @param col layout column of the key
     * @param row layout row of the key
     * @param xOff first raster column the file covers
     * @param yOff first raster row the file covers
     * @param width columns in the file (cropped at the east edge)
     * @param height rows in the file (cropped at the south edge)
     * @param relativePath path relative to the VRT's directory, with {@code /} separators
     */
    public VrtSource(int col, int row, int xOff, int yOff, int width, int height, String relativePath) {
        this.col = col;
        this.row = row;
        this.xOff = xOff;
        this.yOff = yOff;
        this.width = width;
        this.height = height;
        this.relativePath = Objects.requireNonNull(relativePath, "relativePath");
    }

    public int col() {
        return col;
    }

    public int row() {
        return row;
    }

    public int xOff() {
        return xOff;
    }

    public int yOff() {
        return yOff;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public String relativePath() {
        return relativePath;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VrtSource s
                && col == s.col
                && row == s.row
                && xOff == s.xOff
                && yOff == s.yOff
                && width == s.width
                && height == s.height
                && relativePath.equals(s.relativePath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(col, row, xOff, yOff, width, height, relativePath);
    }

    @Override
    public String toString() {
        return relativePath + " at (" + xOff + ", " + yOff + ") " + width + "x" + height;
    }
}
