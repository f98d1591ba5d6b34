package io.rastermill.io.layerstore;

import io.rastermill.core.layout.TileLayerMetadata;

import java.util.Objects;

/**
 * Everything a catalog stores about a layer in its {@code metadata} attribute: header, tile layer
 * metadata, key index and the Avro writer schema of its records.
 */
public record LayerAttributes(LayerHeader header, TileLayerMetadata metadata, KeyIndex keyIndex, TileSchema schema)
        implements java.io.Serializable {
    public LayerAttributes {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(keyIndex, "keyIndex");
        Objects.requireNonNull(schema, "schema");
    }

    public LayerAttributes withMetadata(TileLayerMetadata md) {
        return new LayerAttributes(header, md, keyIndex, schema);
    }
}
