/**
 * GeoTIFF reading and writing on top of the TIFF structure ({@code io.tiff}), the segment codecs
 * ({@code io.codec}) and byte-range sources ({@code io.bytes}).
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>{@link io.rastermill.io.geotiff.GeoTiffReader#open} reads the header and IFDs only; a read
 *       fetches (coalesced byte ranges) and decodes only the strips/tiles meeting the window.</li>
 *   <li>Cell types: the sample type with the {@code GDAL_NODATA} value as GeoTrellis's
 *       {@code withNoData} (defaults collapse to the constant type); no value gives the raw type;
 *       UInt32 becomes float64 (exact). Overviews are levels 1.. (largest first); masks are skipped.</li>
 *   <li>Georeferencing is pixel-is-area; PixelIsPoint files are shifted half a pixel, as GDAL does.</li>
 *   <li>Anything unsupported or malformed raises {@link io.rastermill.io.tiff.TiffFormatException}
 *       naming the file, the IFD and the tag or segment.</li>
 *   <li>{@link io.rastermill.io.geotiff.GeoTiffWriter} streams tiled GeoTIFFs and COGs: blocks in any order
 *       from many threads, encoded by the caller, spilled to a temporary file; overviews and the final
 *       layout at {@code finish()}, renamed into place atomically. NoData is written as GDAL_NODATA;
 *       overview resampling skips NoData.</li>
 *   <li>Its pieces are public for writers that encode elsewhere (e.g. on Spark executors) and must
 *       produce the same bytes: {@link io.rastermill.io.geotiff.GeoTiffBlockEncoder} (block to stored
 *       tile bytes and back), {@link io.rastermill.io.geotiff.OverviewBlockReducer} (four children to
 *       one overview block) and {@link io.rastermill.io.geotiff.GeoTiffAssembler} (levels, BigTIFF
 *       decision, layout and the atomic temp-then-rename assembly from any block source).</li>
 * </ul>
 *
 * <h2>Thread-safety</h2>
 * A {@code GeoTiffReader} may be shared by many threads; it pools its decoders. A
 * {@code GeoTiffWriter} accepts {@code writeBlock} from many threads; {@code finish}/{@code abort} once.
 * {@code GeoTiffBlockEncoder} and {@code OverviewBlockReducer} are one per thread; {@code GeoTiffAssembler}
 * is stateless.
 */
package io.rastermill.io.geotiff;
