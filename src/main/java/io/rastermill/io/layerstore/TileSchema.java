package io.rastermill.io.layerstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The two Avro writer schemas a layer can declare: GeoTrellis's {@code KeyValueRecord} of
 * (SpatialKey, Tile) and of (SpatialKey, MultibandTile). The JSON is GeoTrellis 3.7.1's own output
 * (its {@code KeyValueRecordCodec.schema}, as written into the attribute store; parsing-canonical
 * fingerprints 8121670935840932586 and -1011260055322701348), kept as resources, compact, in
 * GeoTrellis's field order. A layer whose schema is neither is refused: the tile decoder walks
 * exactly these schemas.
 */
public enum TileSchema {
    TILE("schema-spatialkey-tile.json", "geotrellis.raster.Tile"),
    MULTIBAND("schema-spatialkey-multibandtile.json", "geotrellis.raster.MultibandTile");

    private final JsonNode json;
    private final String compact;
    private final String valueClass;

    TileSchema(String resource, String valueClass) {
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
        this.valueClass = valueClass;
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
