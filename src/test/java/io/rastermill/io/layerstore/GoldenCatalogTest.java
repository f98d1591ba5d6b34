package io.rastermill.io.layerstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the catalogs real GeoTrellis 3.7.1 wrote and checks our attribute JSON and records against them byte for byte. */
class GoldenCatalogTest {

    private final FileCatalog golden = new FileCatalog(GoldenCatalogs.resource("golden-file-catalog"));

    @Test
    void listsTheLayersGeoTrellisWrote() throws Exception {
        assertEquals(
                List.of(new LayerId("golden", 3), new LayerId("golden-f32ud", 3), new LayerId("golden-mb", 3)),
                golden.layerIds());
    }

    @Test
    void attributesRoundTripToGeoTrellisBytes() throws Exception {
        for (LayerId id : golden.layerIds()) {
            LayerAttributes a = golden.readAttributes(id);
            String stored = Files.readString(golden.attributeFile(id, "metadata"), StandardCharsets.UTF_8);
            assertEquals(stored, LayerAttributesJson.write(id, a), id.toString());
        }
        LayerAttributes f32 = golden.readAttributes(new LayerId("golden-f32ud", 3));
        assertEquals(
                new KeyIndex.Hilbert(new KeyBounds(new SpatialKey(0, 0), new SpatialKey(1, 1)), 1, 1), f32.keyIndex());
        assertEquals(
                CellType.userDefined(io.rastermill.core.cell.DataType.FLOAT32, -9999),
                f32.metadata().cellType());
        assertSame(
                TileSchema.MULTIBAND,
                golden.readAttributes(new LayerId("golden-mb", 3)).schema());
    }

    @Test
    void decodesGeoTrellisTileFiles() throws Exception {
        LayerAttributes a = golden.readAttributes(new LayerId("golden", 3));
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                SpatialKey k = new SpatialKey(c, r);
                Path f = golden.tileFile(a, a.keyIndex().toIndex(k));
                byte[] stored = Files.readAllBytes(f);
                List<Map.Entry<SpatialKey, Tile>> pairs = TileRecords.decodeTiles(stored);
                assertEquals(1, pairs.size());
                assertEquals(k, pairs.get(0).getKey());
                Tile t = pairs.get(0).getValue();
                assertEquals(CellType.INT32, t.cellType());
                assertArrayEquals(GoldenCatalogs.goldenCells(c, r), t.toIntLane());
                // Our encoder gives GeoTrellis's exact bytes (same Avro datum, same zlib stream).
                assertArrayEquals(stored, TileRecords.encodeTiles(pairs), "file " + f);
            }
        }
    }

    @Test
    void decodesHilbertFloatAndMultibandLayers() throws Exception {
        LayerAttributes f = golden.readAttributes(new LayerId("golden-f32ud", 3));
        LayerAttributes m = golden.readAttributes(new LayerId("golden-mb", 3));
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                SpatialKey k = new SpatialKey(c, r);
                int[] cells = GoldenCatalogs.goldenCells(c, r);
                Tile ft = TileRecords.decodeTiles(Files.readAllBytes(
                                golden.tileFile(f, f.keyIndex().toIndex(k))))
                        .get(0)
                        .getValue();
                assertEquals("float32ud-9999.0", ft.cellType().name());
                for (int i = 0; i < 16; i++) {
                    assertEquals(i == 5 ? Double.NaN : cells[i] / 2.0, ft.getDouble(i), 0.0);
                }
                Map.Entry<SpatialKey, MultibandTile> mb = TileRecords.decodeMultiband(Files.readAllBytes(
                                golden.tileFile(m, m.keyIndex().toIndex(k))))
                        .get(0);
                assertEquals(k, mb.getKey());
                assertArrayEquals(cells, mb.getValue().band(0).toIntLane());
                int[] doubled = cells.clone();
                for (int i = 0; i < 16; i++) {
                    doubled[i] = cells[i] * 2; // GeoTrellis's map(_ * 2) also maps NODATA: MIN * 2 overflows to 0
                }
                assertArrayEquals(doubled, mb.getValue().band(1).toIntLane());
            }
        }
    }

    @Test
    void readsTheHandmadeInt16udLayer() throws Exception {
        FileCatalog hand = new FileCatalog(GoldenCatalogs.resource("handmade-catalog"));
        LayerAttributes a = hand.readAttributes(new LayerId("hand", 0));
        for (int c = 0; c < 2; c++) {
            Tile t = TileRecords.decodeTiles(
                            Files.readAllBytes(hand.tileFile(a, a.keyIndex().toIndex(new SpatialKey(c, 0)))))
                    .get(0)
                    .getValue();
            assertEquals("int16ud-9999", t.cellType().name());
            assertArrayEquals(new int[] {10 + c, Integer.MIN_VALUE, 30, 40}, t.toIntLane());
        }
    }

    @Test
    void goldenDatumBytes() {
        // geotrellis-compat.md 4.6: AvroEncoder.toBinary(..., deflate = false) of [(SpatialKey(1,2),
        // IntArrayTile([1,2,ND,4], 2x2))].
        Tile t = Tiles.ofInts(CellType.INT32, 2, 2, 1, 2, Integer.MIN_VALUE, 4);
        byte[] stored = TileRecords.encodeTiles(List.of(Map.entry(new SpatialKey(1, 2), t)));
        assertEquals(
                "020204080404080204ffffffff0f080000ffffffff0f00",
                HexFormat.of().formatHex(TileRecords.decompress(stored)));
        assertEquals(26, stored.length);
        assertEquals((byte) 0x78, stored[0]);
        assertEquals((byte) 0x9c, stored[1]);
    }

    @Test
    void keyIndexesMatchGeoTrellisTables() {
        // geotrellis-compat.md 4.3, verified with GeoTrellis: Z-order on 4x4 and Hilbert on (10,20)-(13,23).
        long[][] z = {{0, 1, 4, 5}, {2, 3, 6, 7}, {8, 9, 12, 13}, {10, 11, 14, 15}};
        long[][] h = {{0, 1, 14, 15}, {3, 2, 13, 12}, {4, 7, 8, 11}, {5, 6, 9, 10}};
        KeyIndex zi = KeyIndexMethod.ZORDER.createIndex(new KeyBounds(new SpatialKey(0, 0), new SpatialKey(3, 3)));
        KeyIndex hi = KeyIndexMethod.HILBERT.createIndex(new KeyBounds(new SpatialKey(10, 20), new SpatialKey(13, 23)));
        assertEquals(new KeyIndex.Hilbert(hi.keyBounds(), 2, 2), hi);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(z[r][c], zi.toIndex(new SpatialKey(c, r)));
                assertEquals(h[r][c], hi.toIndex(new SpatialKey(10 + c, 20 + r)));
            }
        }
        assertEquals(147, zi.toIndex(new SpatialKey(5, 9)));
        assertEquals("09", zi.fileName(9));
        KeyIndex rm = KeyIndexMethod.ROWMAJOR.createIndex(new KeyBounds(new SpatialKey(2, 3), new SpatialKey(4, 5)));
        assertEquals(1 * 3 + 2, rm.toIndex(new SpatialKey(4, 4)));
        List<long[]> ranges = zi.indexRanges(new KeyBounds(new SpatialKey(1, 1), new SpatialKey(2, 2)));
        assertEquals(
                List.of("3-3", "6-6", "9-9", "12-12"),
                ranges.stream().map(x -> x[0] + "-" + x[1]).toList());
    }

    @Test
    void corruptInputsNameLayerAndFile(@TempDir Path tmp) throws Exception {
        Path cat = GoldenCatalogs.copy("golden-file-catalog", tmp);
        FileCatalog fc = new FileCatalog(cat);
        LayerId id = new LayerId("golden", 3);
        Path attr = fc.attributeFile(id, "metadata");
        String text = Files.readString(attr);

        Files.writeString(attr, text.replace("\"keyIndex\"", "\"keyIndexX\""));
        LayerStoreException e = assertThrows(LayerStoreException.class, () -> fc.readAttributes(id));
        assertTrue(
                e.getMessage().contains("'golden' zoom 3")
                        && e.getMessage().contains(attr.toString())
                        && e.getMessage().contains("missing 'keyIndex'"),
                e.getMessage());

        Files.writeString(attr, text.replace("\"name\":\"IntArrayTile\"", "\"name\":\"IntArrayTile2\""));
        e = assertThrows(LayerStoreException.class, () -> fc.readAttributes(id));
        assertTrue(
                e.getMessage().contains("Avro writer schema") && e.getMessage().contains(attr.toString()),
                e.getMessage());

        Files.delete(attr);
        e = assertThrows(LayerStoreException.class, () -> fc.readAttributes(id));
        assertTrue(
                e.getMessage().contains("no such attribute file")
                        && e.getMessage().contains(attr.toString()),
                e.getMessage());

        byte[] file = Files.readAllBytes(cat.resolve("golden/3/0"));
        assertThrows(
                AvroFormatException.class,
                () -> TileRecords.decodeTiles(java.util.Arrays.copyOf(file, file.length - 8)));
        assertThrows(AvroFormatException.class, () -> TileRecords.decodeTiles(new byte[] {1, 2, 3}));
    }
}
