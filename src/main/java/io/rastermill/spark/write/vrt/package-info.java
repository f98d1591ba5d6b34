/**
 * Writing a layer as a directory of GeoTIFF tiles plus a GDAL VRT that mosaics them.
 *
 * <p>{@link io.rastermill.spark.write.vrt.TileDirectoryWriter} writes one small tiled GeoTIFF per
 * layout key from the executors (edge tiles cropped to the raster, so the mosaic has the raster's
 * exact size) and the {@code <name>.vrt} from the driver. The whole directory appears at once: it is
 * built in a hidden temporary sibling and renamed onto the target; on failure the sibling is deleted.
 *
 * <p>Semantics: the VRT has the raster's size, north-up geotransform (the layout's upper-left corner
 * and cell size), its CRS ({@code EPSG:code}, or the proj4 text when there is no EPSG code), its data
 * type and NoData value (none for raw cell types). Keys missing from the layer simply have no source:
 * GDAL reads NoData (or 0) there.
 *
 * <p>Thread-safety: the writer and the VRT text builder are stateless; {@code write} is called from
 * the driver thread and runs one Spark job.
 */
package io.rastermill.spark.write.vrt;
