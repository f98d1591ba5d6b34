package io.rastermill.io.layerstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The Avro writer schemas a layer can declare: GeoTrellis's {@code KeyValueRecord} of
 * (SpatialKey, Tile), of (SpatialKey, MultibandTile), of (SpaceTimeKey, Tile) and of (SpaceTimeKey, MultibandTile). The
 * JSON is GeoTrellis 3.7.1's own output
 * (its {@code KeyValueRecordCodec.schema}, as written into the attribute store; parsing-canonical
 * fingerprints 8121670935840932586 and -1011260055322701348), kept as resources, compact, in
 * GeoTrellis's field order. A layer whose schema is none of them is refused: the tile decoder walks
 * exactly these schemas.
 */
public enum TileSchema {
    TILE("schema-spatialkey-tile.json", LayerHeader.SPATIAL_KEY, "geotrellis.raster.Tile"),
    MULTIBAND("schema-spatialkey-multibandtile.json", LayerHeader.SPATIAL_KEY, "geotrellis.raster.MultibandTile"),
    /** Space-time single-band: the spatial schema with GeoTrellis's SpaceTimeKey record (instant alias millis) as key. */
    SPACETIME_TILE("schema-spacetimekey-tile.json", LayerHeader.SPACETIME_KEY, "geotrellis.raster.Tile"),
    /** Space-time multiband: the spatial multiband schema with the SpaceTimeKey record as key. */
    SPACETIME_MULTIBAND(
            "schema-spacetimekey-multibandtile.json", LayerHeader.SPACETIME_KEY, "geotrellis.raster.MultibandTile");

    private final JsonNode json;
    private final String compact;
    private final String keyClass;
    private final String valueClass;

    TileSchema(String resource, String keyClass, String valueClass) {
        try (InputStream in = TileSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            ObjectMapper mapper = new ObjectMapper();
            this.json = mapper.readTree(in);
            this.compact = mapper.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.keyClass = keyClass;
        this.valueClass = valueClass;
    }

    /** The header's {@code keyClass}. */
    public String keyClass() {
        return keyClass;
    }

    /** True for the schemas whose values are {@code MultibandTile}s. */
    public boolean multiband() {
        return this == MULTIBAND || this == SPACETIME_MULTIBAND;
    }

    /** True for the schemas keyed by {@code SpaceTimeKey}. */
    public boolean spaceTime() {
        return LayerHeader.SPACETIME_KEY.equals(keyClass);
    }

    /** The schema as a JSON tree (do not modify). */
    public JsonNode json() {
        return json;
    }

    /** Compact JSON, as GeoTrellis writes it into the attribute file. */
    public String compactJson() {
        return compact;
    }

    /** The header's {@code valueClass}. */
    public String valueClass() {
        return valueClass;
    }

    /** Which schema a stored one is (JSON-tree equality), if either. */
    public static Optional<TileSchema> identify(JsonNode stored) {
        for (TileSchema s : values()) {
            if (s.json.equals(stored)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
