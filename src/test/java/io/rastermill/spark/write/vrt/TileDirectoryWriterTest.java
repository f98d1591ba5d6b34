package io.rastermill.spark.write.vrt;

import static io.rastermill.spark.write.vrt.VrtTestSupport.assertSameValues;
import static io.rastermill.spark.write.vrt.VrtTestSupport.cellsViaEnvi;
import static io.rastermill.spark.write.vrt.VrtTestSupport.hasGdal;
import static io.rastermill.spark.write.vrt.VrtTestSupport.run;
import static io.rastermill.spark.write.vrt.VrtTestSupport.storedValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.Predictor;
import io.rastermill.io.geotiff.GdalFixtures;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The tile directory + VRT against GDAL reading it, and its all-or-nothing behaviour. */
class TileDirectoryWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_GDAL = "gdalinfo is not installed (bash .ci/run installs gdal-bin)";

    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    private static TileLayer layer(String fixture, int tileSize) throws IOException {
        return TileLayers.readGeoTiffs(
                SPARK.session(),
                List.of(GdalFixtures.named(fixture).tif().toString()),
                TileLayers.ReadOptions.defaults().withTileSize(tileSize));
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void gdalReadsTheVrtAsTheSourceRasterCellForCell(@TempDir Path dir) throws IOException {
        assumeTrue(hasGdal(), NO_GDAL);
        String[][] cases = {
            {"cog_int16_deflate_bs32", "32", "Int16"},
            {"ovr_float32_deflate_p3_tile16_avg", "24", "Float32"},
            {"byte_deflate_p2_tile16_nd255", "17", "Byte"},
            {"float32_deflate_p3_tile16_ndnan", "20", "Float32"},
            {"float64_zstd_p3_strip_be_ndnan", "16", "Float64"},
            {"int32_deflate_p2_tile32_nd-9999", "16", "Int32"},
            {"uint16_none_strip_be_nd65535", "16", "UInt16"},
            {"uint16_packbits_strip", "10", "UInt16"}
        };
        for (String[] c : cases) {
            String fixture = c[0];
            int ts = Integer.parseInt(c[1]);
            Path source = GdalFixtures.named(fixture).tif();
            Path out = dir.resolve(fixture);
            TileDirectoryWriter.Result r = TileDirectoryWriter.write(layer(fixture, ts), out.toString());
            Path vrt = out.resolve(fixture + ".vrt");
            assertTrue(Files.isRegularFile(vrt), r.vrt());

            JsonNode src = JSON.readTree(run("gdalinfo", "-json", source.toString()));
            JsonNode got = JSON.readTree(run("gdalinfo", "-json", vrt.toString()));
            assertEquals(src.get("size"), got.get("size"), fixture + ": size");
            assertEquals(src.get("geoTransform"), got.get("geoTransform"), fixture + ": geotransform");
            String srcWkt = src.get("coordinateSystem").get("wkt").asText();
            String wkt = got.get("coordinateSystem").get("wkt").asText();
            String epsg = srcWkt.substring(srcWkt.lastIndexOf("ID[\"EPSG\","));
            assertTrue(epsg.matches("ID\\[\"EPSG\",\\d+\\]\\]") && wkt.endsWith(epsg), fixture + ": SRS " + wkt);
            assertEquals(
                    src.get("coordinateSystem").get("dataAxisToSRSAxisMapping"),
                    got.get("coordinateSystem").get("dataAxisToSRSAxisMapping"),
                    fixture + ": axis order");
            JsonNode band = got.get("bands").get(0);
            assertEquals(c[2], band.get("type").asText(), fixture + ": type");
            assertEquals(src.get("bands").get(0).get("noDataValue"), band.get("noDataValue"), fixture + ": NoData");

            int across = (src.get("size").get(0).asInt() + ts - 1) / ts;
            int down = (src.get("size").get(1).asInt() + ts - 1) / ts;
            assertEquals(across * down, r.tileCount(), fixture);
            assertEquals(
                    across * down + 1,
                    listing(out).size(),
                    fixture + ": the VRT and one file per tile " + listing(out));

            assertSameValues(
                    storedValues(WholeRaster.firstBand(source.toString())),
                    cellsViaEnvi(vrt, c[2], dir),
                    fixture + " tile size " + ts);
        }
        assertEquals(
                Stream.of(cases).map(c -> c[0]).sorted().toList(),
                names(dir).stream().filter(n -> !n.startsWith("cells-")).toList(),
                "no temporary directory is left");
    }

    @Test
    void tileFilesAreCroppedGeoreferencedAndEncodedAsAsked(@TempDir Path dir) throws IOException {
        assumeTrue(hasGdal(), NO_GDAL);
        GeoTiffWriteOptions o = GeoTiffWriteOptions.builder()
                .blockSize(16)
                .compression(Compression.LZW)
                .predictor(Predictor.HORIZONTAL)
                .cog(false)
                .overviews(0)
                .build();
        Path out = dir.resolve("dem");
        TileDirectoryWriter.write(
                layer("cog_int16_deflate_bs32", 32),
                out.toString(),
                TileDirectoryOptions.defaults().withTileOptions(o).withVrtName("mosaic"));
        assertTrue(Files.isRegularFile(out.resolve("mosaic.vrt")));
        // key (3, 2) is the south-east corner: 100 - 96 = 4 columns, 80 - 64 = 16 rows
        JsonNode corner = JSON.readTree(
                run("gdalinfo", "-json", out.resolve("tiles/2/3.tif").toString()));
        assertEquals("[4,16]", corner.get("size").toString());
        assertEquals(
                "[500960.0,10.0,0.0,4999360.0,0.0,-10.0]",
                corner.get("geoTransform").toString());
        assertEquals(
                "LZW",
                corner.get("metadata").get("IMAGE_STRUCTURE").get("COMPRESSION").asText());
        assertEquals(
                "2",
                corner.get("metadata").get("IMAGE_STRUCTURE").get("PREDICTOR").asText());
        assertEquals("[16,16]", corner.get("bands").get(0).get("block").toString());
        assertEquals(-9999.0, corner.get("bands").get(0).get("noDataValue").asDouble());
    }

    @Test
    void anExistingTargetIsRefusedUnlessOverwriteIsAsked(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "precious");
        TileLayer layer = layer("cog_int16_deflate_bs32", 64);
        FileAlreadyExistsException e =
                assertThrows(FileAlreadyExistsException.class, () -> TileDirectoryWriter.write(layer, out.toString()));
        assertTrue(e.getMessage().contains(out.toString()), e.getMessage());
        assertEquals(List.of("keep.txt"), listing(out));

        TileDirectoryWriter.write(
                layer, out.toString(), TileDirectoryOptions.defaults().withOverwrite(true));
        assertEquals(
                List.of("out.vrt", "tiles/0/0.tif", "tiles/0/1.tif", "tiles/1/0.tif", "tiles/1/1.tif"), listing(out));
        assertEquals(List.of("out"), names(dir), "the old directory and the temporary one are gone");
    }

    @Test
    void aFailingTaskLeavesNeitherTargetNorTemporaryDirectory(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("broken");
        String parent = dir.toString();
        TileLayer source = layer("cog_int16_deflate_bs32", 16);
        // A task fails as soon as some tile file exists in the temporary directory, so there is
        // something to clean up. Built with fromRdd, keeping the partitioner (fromRdd would otherwise
        // run the map to find the keys); TileLayer.mapTilesWithKey's task captures the unserializable layer.
        TILES_SEEN_AT_FAILURE.set(-1);
        TileLayer failing = TileLayers.fromRdd(
                source.rdd().mapPartitionsToPair(it -> failOnceTilesExist(it, parent), true), source.metadata());
        IOException e = assertThrows(IOException.class, () -> TileDirectoryWriter.write(failing, out.toString()));
        assertTrue(e.getMessage().contains(out.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("boom at"), e.getMessage());
        assertTrue(TILES_SEEN_AT_FAILURE.get() > 0, "tiles had been written when the task failed");
        assertFalse(Files.exists(out));
        assertEquals(List.of(), names(dir), "nothing left beside the target");
    }

    private static final java.util.concurrent.atomic.AtomicInteger TILES_SEEN_AT_FAILURE =
            new java.util.concurrent.atomic.AtomicInteger(-1);

    /** Passes tiles on until some tile file exists under {@code parent}, then fails (static: captures no test). */
    static java.util.Iterator<scala.Tuple2<SpatialKey, io.rastermill.core.tile.Tile>> failOnceTilesExist(
            java.util.Iterator<scala.Tuple2<SpatialKey, io.rastermill.core.tile.Tile>> it, String parent) {
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public scala.Tuple2<SpatialKey, io.rastermill.core.tile.Tile> next() {
                scala.Tuple2<SpatialKey, io.rastermill.core.tile.Tile> kv = it.next();
                int tifs = countTifs(Path.of(parent));
                if (tifs > 0) {
                    TILES_SEEN_AT_FAILURE.compareAndSet(-1, tifs);
                    throw new IllegalStateException("boom at " + kv._1());
                }
                return kv;
            }
        };
    }

    static int countTifs(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return (int)
                    s.filter(p -> p.getFileName().toString().endsWith(".tif")).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // a file vanished while walking (a writer's rename): look again at the next tile
        }
    }
}
