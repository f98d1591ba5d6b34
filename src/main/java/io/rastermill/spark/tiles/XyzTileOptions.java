package io.rastermill.spark.tiles;

import io.rastermill.core.tiles.ColorRamp;
import io.rastermill.core.tiles.WebMercatorTiles;
import io.rastermill.core.warp.Resampling;
import io.rastermill.spark.warp.WarpOptions;
import java.io.Serializable;

/**
 * How to build an XYZ tile pyramid.
 *
 * @param minZoom    lowest zoom written
 * @param maxZoom    highest zoom, warped from the sources; the others are built from the level below
 * @param resampling the method for both (gdal2tiles' {@code -r}; default {@code average} as there)
 * @param ramp       colour ramp for a single band, or null: grey (a Byte band's values as they are, other types
 *                   scaled from min..max)
 * @param scaleMin   with {@code scaleMax}: the value range mapped to 0..255 for a ramp or a non-Byte band; NaN:
 *                   the sources' band 1 minimum and maximum
 * @param scaleMax   see {@code scaleMin}
 * @param maxError   the warp transform's error bound in source pixels
 * @param maxTiles   refuse pyramids of more tiles than this
 * @param overwrite  replace an existing output directory (else it is refused)
 * @param excludeTransparent leave out fully transparent tiles (gdal2tiles' {@code -x}): a top-zoom tile whose
 *                   every pixel is transparent is not written, and a lower tile only when one of its children is
 */
public record XyzTileOptions(
        int minZoom,
        int maxZoom,
        Resampling resampling,
        ColorRamp ramp,
        double scaleMin,
        double scaleMax,
        double maxError,
        long maxTiles,
        boolean overwrite,
        boolean excludeTransparent)
        implements Serializable {

    /** Default tile limit: a million tiles (about 20 GiB of RGBA before compression). */
    public static final long DEFAULT_MAX_TILES = 1_000_000L;

    public XyzTileOptions {
        if (minZoom < 0 || maxZoom > WebMercatorTiles.MAX_ZOOM || minZoom > maxZoom) {
            throw new IllegalArgumentException(
                    "--zoom " + minZoom + "-" + maxZoom + ": need 0 <= MIN <= MAX <= " + WebMercatorTiles.MAX_ZOOM);
        }
        if (resampling == null) {
            throw new IllegalArgumentException("resampling must not be null");
        }
        if (resampling == Resampling.SUM || resampling == Resampling.RMS) {
            throw new IllegalArgumentException("-r " + resampling.gdalName() + " does not make tile pixels: use near,"
                    + " bilinear, cubic, cubicspline, lanczos, average, mode, min, max, med, q1 or q3");
        }
        if (Double.isNaN(scaleMin) != Double.isNaN(scaleMax) || scaleMin > scaleMax) {
            throw new IllegalArgumentException("--scale needs MIN <= MAX, got " + scaleMin + " " + scaleMax);
        }
        if (maxTiles < 1) {
            throw new IllegalArgumentException("the tile limit must be positive, got " + maxTiles);
        }
    }

    public static XyzTileOptions zooms(int minZoom, int maxZoom) {
        return new XyzTileOptions(
                minZoom,
                maxZoom,
                Resampling.AVERAGE,
                null,
                Double.NaN,
                Double.NaN,
                WarpOptions.DEFAULT_MAX_ERROR,
                DEFAULT_MAX_TILES,
                false,
                false);
    }

    public XyzTileOptions withResampling(Resampling r) {
        return new XyzTileOptions(
                minZoom, maxZoom, r, ramp, scaleMin, scaleMax, maxError, maxTiles, overwrite, excludeTransparent);
    }

    public XyzTileOptions withRamp(ColorRamp r) {
        return new XyzTileOptions(
                minZoom, maxZoom, resampling, r, scaleMin, scaleMax, maxError, maxTiles, overwrite, excludeTransparent);
    }

    public XyzTileOptions withScale(double min, double max) {
        return new XyzTileOptions(
                minZoom, maxZoom, resampling, ramp, min, max, maxError, maxTiles, overwrite, excludeTransparent);
    }

    public XyzTileOptions withMaxError(double e) {
        return new XyzTileOptions(
                minZoom, maxZoom, resampling, ramp, scaleMin, scaleMax, e, maxTiles, overwrite, excludeTransparent);
    }

    public XyzTileOptions withMaxTiles(long n) {
        return new XyzTileOptions(
                minZoom, maxZoom, resampling, ramp, scaleMin, scaleMax, maxError, n, overwrite, excludeTransparent);
    }

    public XyzTileOptions withOverwrite(boolean o) {
        return new XyzTileOptions(
                minZoom, maxZoom, resampling, ramp, scaleMin, scaleMax, maxError, maxTiles, o, excludeTransparent);
    }

    /** gdal2tiles' {@code -x}: fully transparent tiles are not written (see the record's description). */
    public XyzTileOptions withExcludeTransparent(boolean x) {
        return new XyzTileOptions(
                minZoom, maxZoom, resampling, ramp, scaleMin, scaleMax, maxError, maxTiles, overwrite, x);
    }

    boolean hasScale() {
        return !Double.isNaN(scaleMin);
    }
}
