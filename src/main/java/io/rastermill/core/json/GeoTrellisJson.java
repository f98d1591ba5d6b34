package io.rastermill.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.layout.Bounds;
import io.rastermill.core.layout.EmptyBounds;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TemporalBounds;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.layout.TileLayout;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Reads and writes the JSON GeoTrellis (circe) uses for layer metadata and its parts, field for field.
 *
 * <p><b>Writing</b> is compact (no spaces), with GeoTrellis's key order, and doubles spelled by
 * {@link Double#toString(double)} ({@code 0.0}, {@code -2.0037508342789244E7}); so metadata written by GeoTrellis
 * re-serialises byte for byte. Non-finite doubles are rejected. <b>Reading</b> accepts any key order and ignores
 * unknown keys, as circe does; a missing or mistyped field throws {@link IllegalArgumentException} naming its path.
 *
 * <p>Formats: Extent {@code {"xmin","ymin","xmax","ymax"}}; CellSize {@code {"width","height"}}; TileLayout
 * {@code {"layoutCols","layoutRows","tileCols","tileRows"}}; LayoutDefinition {@code {"extent","tileLayout"}};
 * SpatialKey {@code {"col","row"}}; KeyBounds {@code {"minKey","maxKey"}}; EmptyBounds {@code {}}; RasterExtent
 * {@code {"extent","cellwidth","cellheight","cols","rows"}}; TileLayerMetadata
 * {@code {"cellType","layoutDefinition","extent","crs","bounds"}} with the cell type's GeoTrellis name and the CRS's
 * proj4 string.
 *
 * <p>Stateless and thread-safe.
 */
public final class GeoTrellisJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private GeoTrellisJson() {}

    // ---------------------------------------------------------------- writing

    public static String write(TileLayerMetadata metadata) {
        return render(gen -> writeMetadata(gen, metadata, null));
    }

    /**
     * {@code TileLayerMetadata[SpaceTimeKey]}: the spatial metadata whose bounds' keys also carry
     * {@code "instant"} (after col and row, as GeoTrellis's SpaceTimeKey codec writes it).
     */
    public static String write(TileLayerMetadata metadata, TemporalBounds time) {
        return render(gen -> writeMetadata(gen, metadata, time));
    }

    /** {@code KeyBounds[SpaceTimeKey]}: {@code {"minKey":{col,row,instant},"maxKey":{…}}}. */
    public static String write(KeyBounds bounds, TemporalBounds time) {
        return render(gen -> writeBounds(gen, bounds, time));
    }

    public static String write(Extent extent) {
        return render(gen -> writeExtent(gen, extent));
    }

    public static String write(CellSize cellSize) {
        return render(gen -> {
            gen.writeStartObject();
            writeDouble(gen, "width", cellSize.width());
            writeDouble(gen, "height", cellSize.height());
            gen.writeEndObject();
        });
    }

    public static String write(TileLayout tileLayout) {
        return render(gen -> writeTileLayout(gen, tileLayout));
    }

    public static String write(LayoutDefinition layout) {
        return render(gen -> writeLayout(gen, layout));
    }

    public static String write(SpatialKey key) {
        return render(gen -> writeKey(gen, key));
    }

    /** {@link KeyBounds} as {@code {"minKey","maxKey"}}, {@link EmptyBounds} as {@code {}}. */
    public static String write(Bounds bounds) {
        return render(gen -> writeBounds(gen, bounds));
    }

    public static String write(RasterExtent rasterExtent) {
        return render(gen -> {
            gen.writeStartObject();
            gen.writeFieldName("extent");
            writeExtent(gen, rasterExtent.extent());
            writeDouble(gen, "cellwidth", rasterExtent.cellWidth());
            writeDouble(gen, "cellheight", rasterExtent.cellHeight());
            gen.writeNumberField("cols", rasterExtent.cols());
            gen.writeNumberField("rows", rasterExtent.rows());
            gen.writeEndObject();
        });
    }

    private interface JsonWriting {
        void writeTo(JsonGenerator gen) throws IOException;
    }

    private static String render(JsonWriting writing) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            writing.writeTo(gen);
        } catch (IOException e) {
            throw new UncheckedIOException("writing GeoTrellis JSON to a string", e);
        }
        return out.toString();
    }

    private static void writeMetadata(JsonGenerator gen, TileLayerMetadata md, TemporalBounds time) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("cellType", md.cellType().name());
        gen.writeFieldName("layoutDefinition");
        writeLayout(gen, md.layout());
        gen.writeFieldName("extent");
        writeExtent(gen, md.extent());
        if (md.crs() == null) {
            throw new IllegalArgumentException("the layer has no CRS; GeoTrellis metadata needs one");
        }
        gen.writeStringField("crs", md.crs().toProj4());
        gen.writeFieldName("bounds");
        writeBounds(gen, md.bounds(), time);
        gen.writeEndObject();
    }

    private static void writeLayout(JsonGenerator gen, LayoutDefinition layout) throws IOException {
        gen.writeStartObject();
        gen.writeFieldName("extent");
        writeExtent(gen, layout.extent());
        gen.writeFieldName("tileLayout");
        writeTileLayout(gen, layout.tileLayout());
        gen.writeEndObject();
    }

    private static void writeExtent(JsonGenerator gen, Extent e) throws IOException {
        gen.writeStartObject();
        writeDouble(gen, "xmin", e.xmin());
        writeDouble(gen, "ymin", e.ymin());
        writeDouble(gen, "xmax", e.xmax());
        writeDouble(gen, "ymax", e.ymax());
        gen.writeEndObject();
    }

    private static void writeTileLayout(JsonGenerator gen, TileLayout t) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("layoutCols", t.layoutCols());
        gen.writeNumberField("layoutRows", t.layoutRows());
        gen.writeNumberField("tileCols", t.tileCols());
        gen.writeNumberField("tileRows", t.tileRows());
        gen.writeEndObject();
    }

    private static void writeKey(JsonGenerator gen, SpatialKey key) throws IOException {
        writeKey(gen, key, null);
    }

    /** A SpatialKey, or a SpaceTimeKey when {@code instant} is given. */
    private static void writeKey(JsonGenerator gen, SpatialKey key, Long instant) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("col", key.col());
        gen.writeNumberField("row", key.row());
        if (instant != null) {
            gen.writeNumberField("instant", instant.longValue());
        }
        gen.writeEndObject();
    }

    private static void writeBounds(JsonGenerator gen, Bounds bounds) throws IOException {
        writeBounds(gen, bounds, null);
    }

    private static void writeBounds(JsonGenerator gen, Bounds bounds, TemporalBounds time) throws IOException {
        gen.writeStartObject();
        if (bounds instanceof KeyBounds kb) {
            gen.writeFieldName("minKey");
            writeKey(gen, kb.minKey(), time == null ? null : time.min());
            gen.writeFieldName("maxKey");
            writeKey(gen, kb.maxKey(), time == null ? null : time.max());
        } else if (time != null) {
            throw new IllegalArgumentException("a space-time layer with empty key bounds has no time bounds to write");
        }
        gen.writeEndObject();
    }

    private static void writeDouble(JsonGenerator gen, String field, double value) throws IOException {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("GeoTrellis JSON cannot hold non-finite " + field + "=" + value);
        }
        gen.writeFieldName(field);
        gen.writeNumber(Double.toString(value));
    }

    // ---------------------------------------------------------------- reading

    public static TileLayerMetadata readTileLayerMetadata(String json) {
        return readTileLayerMetadata(parse(json));
    }

    public static TileLayerMetadata readTileLayerMetadata(JsonNode node) {
        return new TileLayerMetadata(
                readCellType(node, "cellType"),
                readLayoutDefinition(field(node, "layoutDefinition")),
                readExtent(field(node, "extent")),
                readCrs(node, "crs"),
                readBounds(field(node, "bounds")));
    }

    public static Extent readExtent(String json) {
        return readExtent(parse(json));
    }

    public static Extent readExtent(JsonNode node) {
        return new Extent(
                doubleField(node, "xmin"),
                doubleField(node, "ymin"),
                doubleField(node, "xmax"),
                doubleField(node, "ymax"));
    }

    public static CellSize readCellSize(String json) {
        JsonNode node = parse(json);
        return new CellSize(doubleField(node, "width"), doubleField(node, "height"));
    }

    public static TileLayout readTileLayout(String json) {
        return readTileLayout(parse(json));
    }

    public static TileLayout readTileLayout(JsonNode node) {
        return new TileLayout(
                intField(node, "layoutCols"),
                intField(node, "layoutRows"),
                intField(node, "tileCols"),
                intField(node, "tileRows"));
    }

    public static LayoutDefinition readLayoutDefinition(String json) {
        return readLayoutDefinition(parse(json));
    }

    public static LayoutDefinition readLayoutDefinition(JsonNode node) {
        return new LayoutDefinition(readExtent(field(node, "extent")), readTileLayout(field(node, "tileLayout")));
    }

    public static SpatialKey readSpatialKey(String json) {
        return readSpatialKey(parse(json));
    }

    public static SpatialKey readSpatialKey(JsonNode node) {
        return new SpatialKey(intField(node, "col"), intField(node, "row"));
    }

    /**
     * The instants of {@code KeyBounds[SpaceTimeKey]} JSON ({@code minKey.instant .. maxKey.instant}).
     *
     * @throws IllegalArgumentException if the keys have no {@code instant} (spatial bounds) or are empty
     */
    public static TemporalBounds readTemporalBounds(JsonNode node) {
        return new TemporalBounds(
                longField(field(node, "minKey"), "instant"), longField(field(node, "maxKey"), "instant"));
    }

    /**
     * Reads KeyBounds, or EmptyBounds from {@code {}}.
     *
     * @throws IllegalArgumentException if it is neither
     */
    public static Bounds readBounds(String json) {
        return readBounds(parse(json));
    }

    public static Bounds readBounds(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("GeoTrellis JSON: bounds must be an object, got " + node);
        }
        if (node.has("minKey") || node.has("maxKey")) {
            return new KeyBounds(readSpatialKey(field(node, "minKey")), readSpatialKey(field(node, "maxKey")));
        }
        return EmptyBounds.INSTANCE;
    }

    /**
     * Reads KeyBounds.
     *
     * @throws IllegalArgumentException for EmptyBounds or anything else
     */
    public static KeyBounds readKeyBounds(String json) {
        return readBounds(parse(json))
                .toKeyBounds()
                .orElseThrow(() -> new IllegalArgumentException("GeoTrellis JSON: expected KeyBounds, got " + json));
    }

    public static RasterExtent readRasterExtent(String json) {
        JsonNode node = parse(json);
        return new RasterExtent(
                readExtent(field(node, "extent")),
                doubleField(node, "cellwidth"),
                doubleField(node, "cellheight"),
                intField(node, "cols"),
                intField(node, "rows"));
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("GeoTrellis JSON: input is null");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("GeoTrellis JSON: not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("GeoTrellis JSON: missing field '" + name + "' in " + node);
        }
        return value;
    }

    private static double doubleField(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("GeoTrellis JSON: field '" + name + "' must be a number, got " + value);
        }
        return value.doubleValue();
    }

    private static int intField(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("GeoTrellis JSON: field '" + name + "' must be an int, got " + value);
        }
        return value.intValue();
    }

    private static long longField(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("GeoTrellis JSON: field '" + name + "' must be a long, got " + value);
        }
        return value.longValue();
    }

    private static String textField(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("GeoTrellis JSON: field '" + name + "' must be a string, got " + value);
        }
        return value.textValue();
    }

    private static CellType readCellType(JsonNode node, String name) {
        return CellType.parse(textField(node, name));
    }

    private static Crs readCrs(JsonNode node, String name) {
        return Crs.fromString(textField(node, name));
    }
}
