package io.rastermill.spark.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tiles;
import io.rastermill.core.tiles.WebMercatorTiles;
import io.rastermill.core.warp.Resampling;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.GeoTiffWriter;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.io.tiff.GeoTransform;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.warp.GeoTiffWarp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code -x} rule on a raster small enough to work out by hand: an EPSG:3857 Byte raster over exactly the 2 x 2
 * zoom-3 tiles x 4..5, y 2..3 (64² cells of 8 zoom-3 pixels), with data only inside tile 3/4/2.
 */
class XyzTilesExcludeTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    @TempDir
    static Path dir;

    static String source;

    @BeforeAll
    static void write() throws IOException {
        int n = 64;
        byte[] cells = new byte[n * n]; // 0 = NoData
        for (int r = 4; r < 28; r++) {
            for (int c = 4; c < 28; c++) {
                cells[r * n + c] = (byte) (10 + r + c);
            }
        }
        double cell = WebMercatorTiles.resolution(3) * WebMercatorTiles.TILE_SIZE / 32;
        // west edge 0 m and north edge half the world's half-height: tile column 4 and row 2 of zoom 3
        RasterDescription d = RasterDescription.of(n, n, 1, CellType.UINT8)
                .withTransform(new GeoTransform(0, cell, 0, WebMercatorTiles.ORIGIN_SHIFT / 2, 0, -cell))
                .withEpsg(3857);
        source = dir.resolve("quadrant.tif").toString();
        try (GeoTiffWriter w = GeoTiffWriter.create(
                source, d, GeoTiffWriteOptions.builder().blockSize(n).build())) {
            w.writeBlock(0, 0, MultibandTile.of(Tiles.ofBytes(CellType.UINT8, n, n, cells)));
            w.finish();
        }
    }

    /**
     * Without -x: every tile of gdal2tiles' ranges, 9 + 4 + 4 (both west and south edges lie on tile boundaries, so
     * each zoom also gets the column and row beyond them). With -x: only 3/4/2, and its parent and grandparent,
     * while the progress count still reaches the 17 tiles. The tile kept is the same PNG either way.
     */
    @Test
    void onlyTilesWithAVisiblePixelAndTheirAncestors() throws IOException {
        GeoTiffWarp sources = GeoTiffWarp.open(SPARK.session(), List.of(source), null);
        XyzTileOptions all = XyzTileOptions.zooms(1, 3).withResampling(Resampling.NEAREST);
        XyzTiles.Result full =
                XyzTiles.write(SPARK.session(), sources, dir.resolve("all").toString(), all, null);
        LongAccumulator progress = SPARK.session().sparkContext().longAccumulator("tiles -x");
        XyzTiles.Result kept = XyzTiles.write(
                SPARK.session(), sources, dir.resolve("x").toString(), all.withExcludeTransparent(true), progress);

        assertArrayEquals(new long[] {4, 4, 9}, full.tilesPerZoom());
        assertEquals(17, pngs(dir.resolve("all")).size());
        assertArrayEquals(new long[] {1, 1, 1}, kept.tilesPerZoom());
        // the progress line's count: 3 written and 14 left out make the 17 tiles of the zooms
        assertEquals(17, progress.value());
        assertEquals(Set.of("1/1/0.png", "2/2/1.png", "3/4/2.png"), pngs(dir.resolve("x")));
        for (String t : pngs(dir.resolve("x"))) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("all").resolve(t)),
                    Files.readAllBytes(dir.resolve("x").resolve(t)));
        }
    }

    private static Set<String> pngs(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".png"))
                    .map(p -> root.relativize(p).toString())
                    .collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
        }
    }
}
