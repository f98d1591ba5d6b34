package io.rastermill.io.layerstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rastermill.core.json.GeoTrellisJson;
import io.rastermill.core.layout.Bounds;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.TemporalBounds;
import io.rastermill.core.layout.TileLayerMetadata;

/**
 * The {@code metadata} attribute as GeoTrellis writes it (circe, compact):
 * {@code [{"name":…,"zoom":…},{"header":{…},"metadata":{…},"keyIndex":{…},"schema":{…}}]}, with the
 * header keys in GeoTrellis's order ({@code keyClass, valueClass, path, layerType, format}) and the
 * key index as {@code {"type":…,"properties":{"keyBounds":…[,"xResolution":…,"yResolution":…]}}}.
 * Sources: GeoTrellis 3.x {@code store/.../AttributeStore.scala}, {@code json/KeyIndexFormats.scala},
 * {@code file/FileLayerHeader.scala}, {@code hadoop/HadoopLayerHeader.scala}.
 */
public final class LayerAttributesJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LayerAttributesJson() {}

    public static String write(LayerId id, LayerAttributes a) {
        StringBuilder sb = new StringBuilder(8192);
        ObjectNode lid = MAPPER.createObjectNode();
        lid.put("name", id.name());
        lid.put("zoom", id.zoom());
        ObjectNode h = MAPPER.createObjectNode();
        h.put("keyClass", a.header().keyClass());
        h.put("valueClass", a.header().valueClass());
        h.put("path", a.header().path());
        h.put("layerType", a.header().layerType());
        h.put("format", a.header().format());
        sb.append('[')
                .append(json(lid))
                .append(",{\"header\":")
                .append(json(h))
                .append(",\"metadata\":")
                .append(
                        a.spaceTime()
                                ? GeoTrellisJson.write(a.metadata(), a.time())
                                : GeoTrellisJson.write(a.metadata()))
                .append(",\"keyIndex\":")
                .append(writeKeyIndex(a.keyIndex()))
                .append(",\"schema\":")
                .append(a.schema().compactJson())
                .append("}]");
        return sb.toString();
    }

    public static String writeKeyIndex(KeyIndex ki) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"type\":\"").append(ki.type()).append("\",\"properties\":{\"keyBounds\":");
        if (ki instanceof KeyIndex.ZSpaceTime st) {
            sb.append(GeoTrellisJson.write(st.keyBounds(), st.time()))
                    .append(",\"temporalResolution\":")
                    .append(st.temporalResolution());
        } else {
            sb.append(GeoTrellisJson.write((Bounds) ki.keyBounds()));
        }
        if (ki instanceof KeyIndex.Hilbert hb) {
            sb.append(",\"xResolution\":")
                    .append(hb.xResolution())
                    .append(",\"yResolution\":")
                    .append(hb.yResolution());
        }
        return sb.append("}}").toString();
    }

    /**
     * Parses a {@code metadata} attribute.
     *
     * @param where names the layer and file for error messages
     * @throws LayerStoreException if it is not GeoTrellis's format, or describes a layer this reader
     *                             cannot read (another key type, another schema, a COG layer)
     */
    public static LayerAttributes read(String text, String where) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new LayerStoreException(where + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray() || root.size() != 2 || !root.get(1).isObject()) {
            throw new LayerStoreException(where + ": expected [LayerId, {header, metadata, keyIndex, schema}]");
        }
        JsonNode body = root.get(1);
        JsonNode hn = need(body, "header", where);
        LayerHeader header = new LayerHeader(
                text(hn, "keyClass", where),
                text(hn, "valueClass", where),
                text(hn, "path", where),
                hn.has("layerType") ? text(hn, "layerType", where) : LayerHeader.AVRO_LAYER,
                text(hn, "format", where));
        if (!LayerHeader.AVRO_LAYER.equals(header.layerType())) {
            throw new LayerStoreException(where + ": layer type " + header.layerType()
                    + " is not supported (only GeoTrellis's Avro layers, AvroLayerType)");
        }
        boolean spaceTime = header.keyClass().endsWith(".SpaceTimeKey");
        if (!header.keyClass().endsWith(".SpatialKey") && !spaceTime) {
            throw new LayerStoreException(where + ": key class " + header.keyClass()
                    + " is not supported (geotrellis.layer.SpatialKey or geotrellis.layer.SpaceTimeKey)");
        }
        TileLayerMetadata md;
        TemporalBounds time = null;
        try {
            JsonNode mdNode = need(body, "metadata", where);
            md = GeoTrellisJson.readTileLayerMetadata(mdNode);
            if (spaceTime) {
                time = GeoTrellisJson.readTemporalBounds(need(mdNode, "bounds", where));
            }
        } catch (RuntimeException e) {
            throw new LayerStoreException(where + ": bad metadata: " + e.getMessage(), e);
        }
        KeyIndex ki = readKeyIndex(need(body, "keyIndex", where), where);
        JsonNode schemaNode = need(body, "schema", where);
        TileSchema schema = TileSchema.identify(schemaNode)
                .orElseThrow(() -> new LayerStoreException(where
                        + ": the Avro writer schema is not GeoTrellis's KeyValueRecord of (SpatialKey, Tile), (SpatialKey, MultibandTile),"
                        + " (SpaceTimeKey, Tile) or (SpaceTimeKey, MultibandTile)"));
        if (schema.spaceTime() != spaceTime || (ki instanceof KeyIndex.ZSpaceTime) != spaceTime) {
            throw new LayerStoreException(where + ": key class " + header.keyClass() + ", key index " + ki.type()
                    + (ki instanceof KeyIndex.ZSpaceTime ? " (space-time)" : " (spatial)") + " and the schema's key ("
                    + schema.keyClass() + ") do not agree");
        }
        return new LayerAttributes(header, md, ki, schema, time);
    }

    static KeyIndex readKeyIndex(JsonNode node, String where) {
        String type = text(node, "type", where + " keyIndex");
        JsonNode props = need(node, "properties", where + " keyIndex");
        Bounds b;
        try {
            b = GeoTrellisJson.readBounds(need(props, "keyBounds", where + " keyIndex"));
        } catch (RuntimeException e) {
            throw new LayerStoreException(where + ": bad keyIndex keyBounds: " + e.getMessage(), e);
        }
        if (!(b instanceof KeyBounds kb)) {
            throw new LayerStoreException(where + ": keyIndex has empty key bounds");
        }
        if (props.has("temporalResolution")) {
            if (!"zorder".equals(type)) {
                throw new LayerStoreException(where + ": space-time key index type '" + type
                        + "' is not supported (only zorder, GeoTrellis's ZSpaceTimeKeyIndex)");
            }
            JsonNode res = props.get("temporalResolution");
            if (!res.isIntegralNumber() || !res.canConvertToLong() || res.longValue() <= 0) {
                throw new LayerStoreException(
                        where + ": keyIndex temporalResolution must be a positive long, got " + res);
            }
            try {
                return new KeyIndex.ZSpaceTime(
                        kb, GeoTrellisJson.readTemporalBounds(need(props, "keyBounds", where)), res.longValue());
            } catch (IllegalArgumentException e) {
                throw new LayerStoreException(where + ": bad space-time keyIndex keyBounds: " + e.getMessage(), e);
            }
        }
        return switch (type) {
            case "zorder" -> new KeyIndex.ZCurve(kb);
            case "rowmajor" -> new KeyIndex.RowMajor(kb);
            case "hilbert" ->
                new KeyIndex.Hilbert(kb, intField(props, "xResolution", where), intField(props, "yResolution", where));
            default ->
                throw new LayerStoreException(
                        where + ": key index type '" + type + "' is not supported (zorder, hilbert, rowmajor)");
        };
    }

    private static JsonNode need(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new LayerStoreException(where + ": missing '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = need(node, field, where);
        if (!v.isTextual()) {
            throw new LayerStoreException(where + ": '" + field + "' is not a string");
        }
        return v.asText();
    }

    private static int intField(JsonNode node, String field, String where) {
        JsonNode v = need(node, field, where);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new LayerStoreException(where + ": '" + field + "' is not an int");
        }
        return v.intValue();
    }

    private static String json(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
