package io.rastermill.spark.layerstore;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.layerstore.TileRecords;
import io.rastermill.io.layerstore.TileSchema;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The value type of a layer: how its records encode and decode, and which schema they declare. */
abstract class LayerValues<V> implements Serializable {
    static final LayerValues<Tile> TILES = new LayerValues<>() {
        @Override
        TileSchema schema() {
            return TileSchema.TILE;
        }

        @Override
        byte[] encode(List<Map.Entry<SpatialKey, Tile>> pairs) {
            return TileRecords.encodeTiles(pairs);
        }

        @Override
        List<Map.Entry<SpatialKey, Tile>> decode(byte[] stored) {
            return TileRecords.decodeTiles(stored);
        }

        private Object readResolve() {
            return TILES;
        }
    };

    static final LayerValues<MultibandTile> MULTIBAND = new LayerValues<>() {
        @Override
        TileSchema schema() {
            return TileSchema.MULTIBAND;
        }

        @Override
        byte[] encode(List<Map.Entry<SpatialKey, MultibandTile>> pairs) {
            return TileRecords.encodeMultiband(pairs);
        }

        @Override
        List<Map.Entry<SpatialKey, MultibandTile>> decode(byte[] stored) {
            return TileRecords.decodeMultiband(stored);
        }

        private Object readResolve() {
            return MULTIBAND;
        }
    };

    abstract TileSchema schema();

    abstract byte[] encode(List<Map.Entry<SpatialKey, V>> pairs);

    abstract List<Map.Entry<SpatialKey, V>> decode(byte[] stored);
}
