/**
 * TIFF and BigTIFF structure (header, IFD chain, typed directory accessors) and GeoTIFF
 * georeferencing; no pixel decoding (that is {@code io.rastermill.io.codec}).
 *
 * <h2>Semantics</h2>
 * {@link io.rastermill.io.tiff.TiffStructure#read} reads only the header, the IFDs and their
 * out-of-line values, through a {@link io.rastermill.io.bytes.RangeReader}. Every size read from the
 * file is checked against the file length and explicit limits before any allocation; IFD loops are
 * detected. Each directory is validated when read (positive size, segment counts matching the tile or
 * strip layout, segments inside the file). Every problem raises
 * {@link io.rastermill.io.tiff.TiffFormatException} naming the file, the IFD, the tag and the value.
 * Unknown field types are skipped on tags this reader does not interpret, and an error on those it does and the first of duplicated tags wins (as the spec asks of readers).
 * Tile sizes that are not multiples of 16 are accepted, as GDAL does.
 *
 * <p>{@link io.rastermill.io.tiff.GeoReference} always gives a pixel-is-area transform; PixelIsPoint
 * files are shifted half a pixel up-left (GDAL's and GeoTrellis' default).
 *
 * <h2>Thread-safety</h2>
 * Directories, structures and geo values are immutable. A {@code TiffStructureReader} reads one file
 * once and is not shared.
 */
package io.rastermill.io.tiff;
