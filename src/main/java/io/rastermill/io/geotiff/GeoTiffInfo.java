package io.rastermill.io.geotiff;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.tiff.GeoTransform;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What {@code open} learns from a GeoTIFF's header and IFDs, without reading any pixel: the
 * full-resolution image's size, bands, cell type, georeferencing and storage layout, and its
 * overview levels.
 *
 * @param rasterExtent the grid in map units, present only for north-up images with a transform
 * @param crs the CRS for the EPSG code, if proj4j knows it
 * @param overviews reduced-resolution levels, largest first; level {@code i + 1} in {@link GeoTiffReader#read}
 */
public record GeoTiffInfo(
        String location,
        int width,
        int height,
        int bandCount,
        SampleKind sampleKind,
        CellType cellType,
        OptionalDouble noData,
        Optional<GeoTransform> geoTransform,
        Optional<RasterExtent> rasterExtent,
        OptionalInt epsg,
        Optional<Crs> crs,
        boolean pixelIsPoint,
        Compression compression,
        int predictor,
        boolean tiled,
        int blockWidth,
        int blockHeight,
        boolean planar,
        ByteOrder byteOrder,
        boolean bigTiff,
        List<Level> overviews) {

    public GeoTiffInfo {
        overviews = List.copyOf(overviews);
    }

    /** One reduced-resolution level. */
    public record Level(int width, int height, int blockWidth, int blockHeight) {}

    /** Number of levels, the full resolution included. */
    public int levelCount() {
        return 1 + overviews.size();
    }

    /** The GDAL name of the sample type, as {@code gdalinfo} reports it (1-bit samples are "Byte"). */
    public String gdalDataType() {
        return switch (sampleKind) {
            case BIT, UINT8 -> "Byte";
            case INT8 -> "Int8";
            case UINT16 -> "UInt16";
            case INT16 -> "Int16";
            case UINT32 -> "UInt32";
            case INT32 -> "Int32";
            case FLOAT32 -> "Float32";
            case FLOAT64 -> "Float64";
        };
    }
}
