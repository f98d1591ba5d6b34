package io.rastermill.io.geotiff;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.io.tiff.GeoTransform;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a written raster is: size, bands, cell type and georeferencing. Immutable.
 *
 * @param width columns, positive
 * @param height rows, positive
 * @param bandCount bands (samples per pixel), 1..65535
 * @param cellType the sample type and its NoData (written as GDAL_NODATA; raw types write none)
 * @param transform pixel-is-area transform, if georeferenced
 * @param epsg EPSG code of the CRS, if known
 * @param geographic whether {@code epsg} is a geographic CRS (GTModelType 2 and GeographicType)
 *                   rather than a projected one (GTModelType 1 and ProjectedCSType)
 */
public record RasterDescription(
        int width,
        int height,
        int bandCount,
        CellType cellType,
        Optional<GeoTransform> transform,
        OptionalInt epsg,
        boolean geographic) {

    public RasterDescription {
        Objects.requireNonNull(cellType, "cellType");
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(epsg, "epsg");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("raster size " + width + "x" + height + " must be positive");
        }
        if (bandCount < 1 || bandCount > 65535) {
            throw new IllegalArgumentException("band count " + bandCount + " must be in 1..65535");
        }
    }

    /** A raster without georeferencing. */
    public static RasterDescription of(int width, int height, int bandCount, CellType cellType) {
        return new RasterDescription(width, height, bandCount, cellType, Optional.empty(), OptionalInt.empty(), false);
    }

    public RasterDescription withTransform(GeoTransform t) {
        return new RasterDescription(width, height, bandCount, cellType, Optional.of(t), epsg, geographic);
    }

    /**
     * North-up georeferencing from a GeoTrellis raster extent.
     *
     * @throws IllegalArgumentException if its size differs from this raster's
     */
    public RasterDescription withRasterExtent(RasterExtent re) {
        if (re.cols() != width || re.rows() != height) {
            throw new IllegalArgumentException("raster extent " + re.cols() + "x" + re.rows()
                    + " does not match the raster " + width + "x" + height);
        }
        return withTransform(new GeoTransform(
                re.extent().xmin(), re.cellWidth(), 0, re.extent().ymax(), 0, -re.cellHeight()));
    }

    /**
     * The CRS by its EPSG code.
     *
     * @throws IllegalArgumentException if the CRS has no EPSG code
     */
    public RasterDescription withCrs(Crs crs) {
        OptionalInt code = crs.epsgCode();
        if (code.isEmpty()) {
            throw new IllegalArgumentException("CRS " + crs + " has no EPSG code; only EPSG CRSs can be written");
        }
        return new RasterDescription(width, height, bandCount, cellType, transform, code, crs.isGeographic());
    }

    /** The CRS by EPSG code; whether it is geographic is asked of proj4j. */
    public RasterDescription withEpsg(int code) {
        return withCrs(Crs.epsg(code));
    }
}
