package io.rastermill.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.layout.EmptyBounds;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.layout.TileLayout;
import io.rastermill.core.layout.ZoomedLayoutScheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class GeoTrellisJsonTest {

    /** Golden GeoTrellis catalogs; override with -Drastermill.golden.dir. */
    static final Path GOLDEN = Path.of(System.getProperty("rastermill.golden.dir", "/work/shared/geotrellis-golden"));

    private static final String GOLDEN_METADATA = "{\"cellType\":\"int32\",\"layoutDefinition\":{\"extent\":"
            + "{\"xmin\":0.0,\"ymin\":0.0,\"xmax\":8.0,\"ymax\":8.0},\"tileLayout\":{\"layoutCols\":2,\"layoutRows\":2,"
            + "\"tileCols\":4,\"tileRows\":4}},\"extent\":{\"xmin\":0.0,\"ymin\":0.0,\"xmax\":8.0,\"ymax\":8.0},"
            + "\"crs\":\"+proj=longlat +datum=WGS84 +no_defs \",\"bounds\":{\"minKey\":{\"col\":0,\"row\":0},"
            + "\"maxKey\":{\"col\":1,\"row\":1}}}";

    @Test
    void writesMetadataFieldForField() {
        LayoutDefinition layout = new LayoutDefinition(new Extent(0, 0, 8, 8), new TileLayout(2, 2, 4, 4));
        TileLayerMetadata md =
                TileLayerMetadata.of(CellType.parse("int32"), layout, new Extent(0, 0, 8, 8), Crs.LATLNG);
        assertEquals(GOLDEN_METADATA, GeoTrellisJson.write(md));
        assertEquals(md, GeoTrellisJson.readTileLayerMetadata(GOLDEN_METADATA));
    }

    @Test
    void goldenMetadataRoundTripsByteForByte() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(GOLDEN), "golden files not present at " + GOLDEN);
        ObjectMapper mapper = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(GOLDEN)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith("metadata.json"))
                    .sorted()
                    .toList();
        }
        assertTrue(files.size() >= 3, "expected golden metadata files under " + GOLDEN + ", found " + files);
        for (Path file : files) {
            String text = Files.readString(file);
            JsonNode metadataNode = mapper.readTree(text).get(1).get("metadata");
            String original = mapper.writeValueAsString(metadataNode);
            // the raw substring as GeoTrellis wrote it
            String raw = rawMetadata(text);
            assertEquals(original, raw, file.toString());
            TileLayerMetadata md = GeoTrellisJson.readTileLayerMetadata(raw);
            assertEquals(raw, GeoTrellisJson.write(md), file.toString());
        }
    }

    /** The exact characters of the "metadata" value in an attribute file (balanced-brace scan, no strings with braces). */
    private static String rawMetadata(String attributeFile) {
        int start = attributeFile.indexOf("\"metadata\":") + "\"metadata\":".length();
        int depth = 0;
        for (int i = start; i < attributeFile.length(); i++) {
            char c = attributeFile.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return attributeFile.substring(start, i + 1);
            }
        }
        throw new IllegalStateException("unbalanced metadata object");
    }

    @Test
    void doublesUseJavaSpelling() {
        Extent world = ZoomedLayoutScheme.worldExtent(Crs.WEB_MERCATOR);
        String json = GeoTrellisJson.write(world);
        assertEquals(
                "{\"xmin\":-2.0037508342789244E7,\"ymin\":-2.0037508342789244E7,"
                        + "\"xmax\":2.0037508342789244E7,\"ymax\":2.0037508342789244E7}",
                json);
        assertEquals(world, GeoTrellisJson.readExtent(json));
        assertEquals("{\"width\":0.5,\"height\":1.0E-4}", GeoTrellisJson.write(new CellSize(0.5, 1e-4)));
        assertEquals(new CellSize(0.5, 1e-4), GeoTrellisJson.readCellSize("{\"height\":1.0E-4,\"width\":0.5}"));
    }

    @Test
    void partsRoundTrip() {
        TileLayout tl = new TileLayout(3, 4, 256, 512);
        assertEquals("{\"layoutCols\":3,\"layoutRows\":4,\"tileCols\":256,\"tileRows\":512}", GeoTrellisJson.write(tl));
        assertEquals(tl, GeoTrellisJson.readTileLayout(GeoTrellisJson.write(tl)));
        SpatialKey key = new SpatialKey(7, -2);
        assertEquals("{\"col\":7,\"row\":-2}", GeoTrellisJson.write(key));
        assertEquals(key, GeoTrellisJson.readSpatialKey(GeoTrellisJson.write(key)));
        KeyBounds kb = new KeyBounds(new SpatialKey(0, 1), new SpatialKey(2, 3));
        assertEquals(kb, GeoTrellisJson.readKeyBounds(GeoTrellisJson.write(kb)));
        LayoutDefinition ld = new ZoomedLayoutScheme(Crs.LATLNG).levelForZoom(2).layout();
        assertEquals(ld, GeoTrellisJson.readLayoutDefinition(GeoTrellisJson.write(ld)));
        RasterExtent re = RasterExtent.of(new Extent(0, 0, 10, 5), 10, 5);
        assertEquals(
                "{\"extent\":{\"xmin\":0.0,\"ymin\":0.0,\"xmax\":10.0,\"ymax\":5.0},\"cellwidth\":1.0,"
                        + "\"cellheight\":1.0,\"cols\":10,\"rows\":5}",
                GeoTrellisJson.write(re));
        assertEquals(re, GeoTrellisJson.readRasterExtent(GeoTrellisJson.write(re)));
    }

    @Test
    void emptyBoundsIsEmptyObject() {
        assertEquals("{}", GeoTrellisJson.write(EmptyBounds.INSTANCE));
        assertEquals(EmptyBounds.INSTANCE, GeoTrellisJson.readBounds("{}"));
        LayoutDefinition layout = new LayoutDefinition(new Extent(0, 0, 8, 8), new TileLayout(2, 2, 4, 4));
        TileLayerMetadata md = new TileLayerMetadata(
                CellType.parse("float32ud-9999.0"),
                layout,
                new Extent(0, 0, 8, 8),
                Crs.WEB_MERCATOR,
                EmptyBounds.INSTANCE);
        String json = GeoTrellisJson.write(md);
        assertTrue(json.endsWith(",\"bounds\":{}}"), json);
        assertEquals(md, GeoTrellisJson.readTileLayerMetadata(json));
    }

    @Test
    void errorsNameTheField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> GeoTrellisJson.readExtent("{\"xmin\":0,\"ymin\":0,\"xmax\":1}"));
        assertTrue(e.getMessage().contains("'ymax'"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> GeoTrellisJson.readTileLayout(
                        "{\"layoutCols\":1.5,\"layoutRows\":1,\"tileCols\":1,\"tileRows\":1}"));
        assertTrue(e.getMessage().contains("'layoutCols'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GeoTrellisJson.readKeyBounds("{}"));
        assertThrows(IllegalArgumentException.class, () -> GeoTrellisJson.readExtent("not json"));
        assertThrows(
                IllegalArgumentException.class,
                () -> GeoTrellisJson.write(new Extent(0, 0, Double.POSITIVE_INFINITY, 1)));
    }
}
