package io.rastermill.io.tiff;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The georeferencing of one GeoTIFF image.
 *
 * <p>The transform comes from ModelTransformation, else from ModelPixelScale with the first
 * ModelTiepoint. It always describes pixel-is-area: for a PixelIsPoint file it is moved half a pixel
 * up-left, as GDAL and GeoTrellis do by default, and {@link #pixelIsPoint()} records what the file said.
 * Tie points without a scale (ground control points) give no transform.
 *
 * @param transform the pixel-is-area transform, if the file has one
 * @param epsg the EPSG code: ProjectedCSTypeGeoKey if set, else GeographicTypeGeoKey (not user-defined)
 * @param modelType GTModelTypeGeoKey (1 projected, 2 geographic, 3 geocentric), if present
 * @param pixelIsPoint true if GTRasterTypeGeoKey is PixelIsPoint
 * @param keys the key directory, if present
 */
public record GeoReference(
        Optional<GeoTransform> transform,
        OptionalInt epsg,
        OptionalInt modelType,
        boolean pixelIsPoint,
        Optional<GeoKeyDirectory> keys) {

    /** Reads the georeferencing of {@code dir}; empty if it has neither transform tags nor GeoKeys. */
    public static Optional<GeoReference> read(TiffDirectory dir) throws TiffFormatException {
        Optional<GeoKeyDirectory> keys = GeoKeyDirectory.read(dir);
        boolean point = keys.flatMap(k -> box(k.shortValue(GeoKeyDirectory.GT_RASTER_TYPE)))
                .map(v -> v == GeoKeyDirectory.RASTER_PIXEL_IS_POINT)
                .orElse(false);
        Optional<GeoTransform> transform = transform(dir);
        if (point) {
            transform = transform.map(t -> t.translatedBy(-0.5, -0.5));
        }
        if (transform.isEmpty() && keys.isEmpty()) {
            return Optional.empty();
        }
        OptionalInt epsg = OptionalInt.empty();
        OptionalInt model = OptionalInt.empty();
        if (keys.isPresent()) {
            GeoKeyDirectory k = keys.get();
            epsg = code(k.shortValue(GeoKeyDirectory.PROJECTED_CS_TYPE));
            if (epsg.isEmpty()) {
                epsg = code(k.shortValue(GeoKeyDirectory.GEOGRAPHIC_TYPE));
            }
            model = k.shortValue(GeoKeyDirectory.GT_MODEL_TYPE);
        }
        return Optional.of(new GeoReference(transform, epsg, model, point, keys));
    }

    private static Optional<Integer> box(OptionalInt v) {
        return v.isPresent() ? Optional.of(v.getAsInt()) : Optional.empty();
    }

    private static OptionalInt code(OptionalInt v) {
        return v.isPresent() && v.getAsInt() > 0 && v.getAsInt() < GeoKeyDirectory.USER_DEFINED
                ? v
                : OptionalInt.empty();
    }

    private static Optional<GeoTransform> transform(TiffDirectory dir) throws TiffFormatException {
        Optional<double[]> matrix = dir.modelTransformation();
        if (matrix.isPresent()) {
            double[] m = finite(dir, TiffTag.MODEL_TRANSFORMATION, matrix.get(), 16);
            return Optional.of(new GeoTransform(m[3], m[0], m[1], m[7], m[4], m[5]));
        }
        Optional<double[]> scale = dir.modelPixelScale();
        Optional<double[]> tie = dir.modelTiepoint();
        if (scale.isEmpty() || tie.isEmpty()) {
            return Optional.empty();
        }
        double[] s = finite(dir, TiffTag.MODEL_PIXEL_SCALE, scale.get(), 2);
        double[] t = finite(dir, TiffTag.MODEL_TIEPOINT, tie.get(), 6);
        // tie point (I, J, K) -> (X, Y, Z); x = X + (col - I) * Sx, y = Y - (row - J) * Sy
        return Optional.of(new GeoTransform(t[3] - t[0] * s[0], s[0], 0, t[4] + t[1] * s[1], 0, -s[1]));
    }

    private static double[] finite(TiffDirectory dir, int tag, double[] v, int min) throws TiffFormatException {
        if (v.length < min || (tag == TiffTag.MODEL_TRANSFORMATION && v.length != 16)) {
            throw new TiffFormatException(
                    dir.location(),
                    dir.index(),
                    tag,
                    v.length + " values, expected " + (tag == TiffTag.MODEL_TRANSFORMATION ? "16" : "at least " + min));
        }
        for (int i = 0; i < min; i++) {
            if (!Double.isFinite(v[i])) {
                throw new TiffFormatException(dir.location(), dir.index(), tag, "value " + i + " is " + v[i]);
            }
        }
        return v;
    }
}
