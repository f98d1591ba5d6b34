package io.rastermill.io.tiff;

/**
 * An affine map from pixel (column, row) to model coordinates, with the six coefficients in GDAL's
 * order: {@code x = originX + col*pixelWidth + row*rowRotation},
 * {@code y = originY + col*columnRotation + row*pixelHeight}. Pixel corners are at integer
 * (column, row) (pixel-is-area); {@code pixelHeight} is negative for north-up images.
 */
public record GeoTransform(
        double originX,
        double pixelWidth,
        double rowRotation,
        double originY,
        double columnRotation,
        double pixelHeight) {

    /** From GDAL's coefficient array {@code [a0..a5]}. */
    public static GeoTransform ofGdal(double[] a) {
        return new GeoTransform(a[0], a[1], a[2], a[3], a[4], a[5]);
    }

    /** The six coefficients in GDAL's order. */
    public double[] toGdal() {
        return new double[] {originX, pixelWidth, rowRotation, originY, columnRotation, pixelHeight};
    }

    public double x(double col, double row) {
        return originX + col * pixelWidth + row * rowRotation;
    }

    public double y(double col, double row) {
        return originY + col * columnRotation + row * pixelHeight;
    }

    /** The same map with its origin moved to pixel position (dCol, dRow). */
    public GeoTransform translatedBy(double dCol, double dRow) {
        return new GeoTransform(x(dCol, dRow), pixelWidth, rowRotation, y(dCol, dRow), columnRotation, pixelHeight);
    }

    /** True if there is no rotation term. */
    public boolean isNorthUp() {
        return rowRotation == 0 && columnRotation == 0;
    }
}
