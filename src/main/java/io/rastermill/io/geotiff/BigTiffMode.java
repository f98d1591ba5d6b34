package io.rastermill.io.geotiff;

/**
 * Whether the writer produces a BigTIFF (64-bit offsets) or a classic TIFF (32-bit offsets).
 */
public enum BigTiffMode {
    /** Always BigTIFF. */
    YES,
    /** Always classic TIFF; {@link GeoTiffWriter#finish()} fails if the file would pass 4 GiB. */
    NO,
    /**
     * BigTIFF when the file could pass 4 GiB, judged (as GDAL's {@code BIGTIFF=IF_SAFER}) from the
     * uncompressed size of all levels plus the IFDs, before any block arrives.
     */
    AUTO
}
