/**
 * Cell types: storage ({@link io.rastermill.core.cell.DataType}) times NoData policy
 * ({@link io.rastermill.core.cell.NoDataMode}), named exactly as GeoTrellis names them, and the two
 * computation lanes ({@link io.rastermill.core.cell.NoData}).
 *
 * <h2>NoData rules</h2>
 * Default NoData: int8 -128, uint8 0, int16 -32768, uint16 0, int32 {@code Integer.MIN_VALUE},
 * float32/float64 NaN; {@code bool} has none. User-defined values are narrowed to the storage type
 * with a plain cast. Parsing a name never collapses a user value equal to the default; the
 * programmatic {@code withNoData} does (both as GeoTrellis).
 *
 * <h2>Thread-safety</h2>
 * Everything here is immutable.
 */
package io.rastermill.core.cell;
