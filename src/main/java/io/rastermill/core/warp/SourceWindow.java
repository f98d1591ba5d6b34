package io.rastermill.core.warp;

/**
 * A window of one source band in the double lane (NaN = NoData), placed in the source raster: its cell
 * {@code (0, 0)} is the raster's cell {@code (col0, row0)}. The window never reaches beyond the raster, so its
 * edges are where kernels stop sampling.
 *
 * @param values row-major, {@code cols * rows} values
 */
public record SourceWindow(double[] values, int col0, int row0, int cols, int rows) {

    public SourceWindow {
        if (cols < 1 || rows < 1 || values.length < cols * rows) {
            throw new IllegalArgumentException(
                    "a " + cols + "x" + rows + " window needs " + cols * rows + " values, got " + values.length);
        }
    }
}
