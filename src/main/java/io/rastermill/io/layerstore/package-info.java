/**
 * GeoTrellis 3.x layer catalogs, without Spark: the attribute store ({@link io.rastermill.io.layerstore.Catalog},
 * {@link io.rastermill.io.layerstore.FileCatalog}, {@link io.rastermill.io.layerstore.HadoopCatalog}), the
 * {@code metadata} attribute ({@link io.rastermill.io.layerstore.LayerAttributesJson}), the Avro tile records
 * ({@link io.rastermill.io.layerstore.TileRecords}), the key indexes ({@link io.rastermill.io.layerstore.KeyIndex})
 * and the Hadoop MapFiles ({@link io.rastermill.io.layerstore.MapFileTiles}).
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>Everything written is what GeoTrellis 3.7.1 writes, byte for byte where it is deterministic (attribute
 *       JSON, tile files: same Avro datum, same zlib stream); checked against catalogs GeoTrellis wrote.</li>
 *   <li>Cells are stored samples; NoData travels per record as GeoTrellis encodes it (see {@link
 *       io.rastermill.io.layerstore.TileRecords}); every one of the 22 cell types round-trips.</li>
 *   <li>Avro-record layers ({@code AvroLayerType}) keyed by {@code SpatialKey}, or by {@code SpaceTimeKey} with the
 *       Z-order space-time index (single and multiband); COG layers are refused with a message.</li>
 *   <li>Layer names and stored tile paths are confined to the catalog ({@link io.rastermill.io.layerstore.LayerId},
 *       {@link io.rastermill.io.layerstore.FileCatalog#layerDir}, {@link io.rastermill.io.layerstore.HadoopCatalog#requireInside});
 *       a layer's tiles live in {@code <name>/<zoom>} or a version {@code <name>/<zoom>.v<hex>} beside it, the one its
 *       {@code metadata} attribute names. The others are what killed writes left: the next write of that layer
 *       deletes them, and {@link io.rastermill.io.layerstore.Catalog#findUnreferencedTiles} finds them in the whole
 *       catalog ({@code rastermill clean}).</li>
 *   <li>Errors name the layer and the file ({@link io.rastermill.io.layerstore.LayerStoreException},
 *       {@link io.rastermill.io.layerstore.AvroFormatException}).</li>
 * </ul>
 *
 * <h2>Thread-safety</h2>
 * Values are immutable; catalogs keep no state beyond their root and may be shared.
 */
package io.rastermill.io.layerstore;
