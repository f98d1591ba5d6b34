package io.rastermill.spark.layerstore;

import io.rastermill.core.layout.SpaceTimeKey;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.layerstore.TileRecords;
import io.rastermill.io.layerstore.TileSchema;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The key and value types of a layer: how its records encode and decode, which schema they declare and how their
 * keys are indexed ({@link LayerKeys}). One instance per GeoTrellis record schema, so spatial and space-time stores
 * share the same codec, write and read paths.
 */
final class LayerValues<K, V> implements Serializable {
    static final LayerValues<SpatialKey, Tile> TILES =
            new LayerValues<>(LayerKeys.SPATIAL, TileSchema.TILE, TileRecords::encodeTiles, TileRecords::decodeTiles);
    static final LayerValues<SpatialKey, MultibandTile> MULTIBAND = new LayerValues<>(
            LayerKeys.SPATIAL, TileSchema.MULTIBAND, TileRecords::encodeMultiband, TileRecords::decodeMultiband);
    static final LayerValues<SpaceTimeKey, Tile> SPACETIME_TILES = new LayerValues<>(
            LayerKeys.SPACE_TIME,
            TileSchema.SPACETIME_TILE,
            TileRecords::encodeSpaceTimeTiles,
            TileRecords::decodeSpaceTimeTiles);
    static final LayerValues<SpaceTimeKey, MultibandTile> SPACETIME_MULTIBAND = new LayerValues<>(
            LayerKeys.SPACE_TIME,
            TileSchema.SPACETIME_MULTIBAND,
            TileRecords::encodeSpaceTimeMultiband,
            TileRecords::decodeSpaceTimeMultiband);

    /** Encodes the pairs of one record (shipped to tasks, so serializable). */
    interface Encoder<K, V> extends Serializable {
        byte[] encode(List<Map.Entry<K, V>> pairs);
    }

    /** Decodes the pairs of one record (shipped to tasks, so serializable). */
    interface Decoder<K, V> extends Serializable {
        List<Map.Entry<K, V>> decode(byte[] stored);
    }

    private final LayerKeys<K> keys;
    private final TileSchema schema;
    private final Encoder<K, V> encoder;
    private final Decoder<K, V> decoder;

    private LayerValues(LayerKeys<K> keys, TileSchema schema, Encoder<K, V> encoder, Decoder<K, V> decoder) {
        this.keys = keys;
        this.schema = schema;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    /** How the records' keys are indexed and ordered. */
    LayerKeys<K> keys() {
        return keys;
    }

    TileSchema schema() {
        return schema;
    }

    byte[] encode(List<Map.Entry<K, V>> pairs) {
        return encoder.encode(pairs);
    }

    List<Map.Entry<K, V>> decode(byte[] stored) {
        return decoder.decode(stored);
    }
}
