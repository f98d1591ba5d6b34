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
 * The key and value types of a layer: how its records encode and decode, and which schema they declare. One
 * instance per GeoTrellis record schema, so spatial and space-time stores share the same codec path.
 */
abstract class LayerValues<K, V> implements Serializable {
    static final LayerValues<SpatialKey, Tile> TILES = new LayerValues<>() {
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

    static final LayerValues<SpatialKey, MultibandTile> MULTIBAND = new LayerValues<>() {
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

    static final LayerValues<SpaceTimeKey, Tile> SPACETIME_TILES = new LayerValues<>() {
        @Override
        TileSchema schema() {
            return TileSchema.SPACETIME_TILE;
        }

        @Override
        byte[] encode(List<Map.Entry<SpaceTimeKey, Tile>> pairs) {
            return TileRecords.encodeSpaceTimeTiles(pairs);
        }

        @Override
        List<Map.Entry<SpaceTimeKey, Tile>> decode(byte[] stored) {
            return TileRecords.decodeSpaceTimeTiles(stored);
        }

        private Object readResolve() {
            return SPACETIME_TILES;
        }
    };

    static final LayerValues<SpaceTimeKey, MultibandTile> SPACETIME_MULTIBAND = new LayerValues<>() {
        @Override
        TileSchema schema() {
            return TileSchema.SPACETIME_MULTIBAND;
        }

        @Override
        byte[] encode(List<Map.Entry<SpaceTimeKey, MultibandTile>> pairs) {
            return TileRecords.encodeSpaceTimeMultiband(pairs);
        }

        @Override
        List<Map.Entry<SpaceTimeKey, MultibandTile>> decode(byte[] stored) {
            return TileRecords.decodeSpaceTimeMultiband(stored);
        }

        private Object readResolve() {
            return SPACETIME_MULTIBAND;
        }
    };

    abstract TileSchema schema();

    abstract byte[] encode(List<Map.Entry<K, V>> pairs);

    abstract List<Map.Entry<K, V>> decode(byte[] stored);
}
