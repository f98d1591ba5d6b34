package io.rastermill.io.layerstore;

import io.rastermill.core.layout.TemporalBounds;
import io.rastermill.core.layout.TileLayerMetadata;
import java.io.Serializable;
import java.util.Objects;

/**
 * Everything a catalog stores about a layer in its {@code metadata} attribute: header, tile layer
 * metadata, key index and the Avro writer schema of its records. A space-time layer also has the
 * time range of its keys ({@code time}, the instant part of GeoTrellis's {@code KeyBounds[SpaceTimeKey]});
 * {@code time} is null for spatial layers.
 */
public record LayerAttributes(
        LayerHeader header, TileLayerMetadata metadata, KeyIndex keyIndex, TileSchema schema, TemporalBounds time)
        implements Serializable {
    public LayerAttributes {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(keyIndex, "keyIndex");
        Objects.requireNonNull(schema, "schema");
        if (schema.spaceTime() != (time != null) || schema.spaceTime() != (keyIndex instanceof KeyIndex.ZSpaceTime)) {
            throw new IllegalArgumentException(
                    "a space-time layer needs a space-time schema, key index and time bounds;"
                            + " a spatial layer none of them (schema " + schema + ", index "
                            + keyIndex.getClass().getSimpleName()
                            + ", time " + time + ")");
        }
    }

    /** A spatial layer's attributes. */
    public LayerAttributes(LayerHeader header, TileLayerMetadata metadata, KeyIndex keyIndex, TileSchema schema) {
        this(header, metadata, keyIndex, schema, null);
    }

    public boolean spaceTime() {
        return time != null;
    }

    public LayerAttributes withMetadata(TileLayerMetadata md) {
        return new LayerAttributes(header, md, keyIndex, schema, time);
    }
}
