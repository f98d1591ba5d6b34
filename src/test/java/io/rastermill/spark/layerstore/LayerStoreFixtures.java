package io.rastermill.spark.layerstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.layout.TileLayout;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/** Seeded random layers over a 3x2 layout of 8x8 tiles, and comparisons of what comes back. */
final class LayerStoreFixtures {
    static final int TILE = 8;
    static final LayoutDefinition LAYOUT =
            new LayoutDefinition(new Extent(0, 0, 24, 16), new TileLayout(3, 2, TILE, TILE));

    private LayerStoreFixtures() {}

    static TileLayerMetadata metadata(CellType ct) {
        return new TileLayerMetadata(
                ct, LAYOUT, LAYOUT.extent(), Crs.LATLNG, new KeyBounds(new SpatialKey(0, 0), new SpatialKey(2, 1)));
    }

    /** Random stored samples (any bit pattern, so NoData and NaN appear too), one tile per key. */
    static Map<SpatialKey, Tile> randomTiles(CellType ct, long seed) {
        Random rnd = new Random(seed);
        Map<SpatialKey, Tile> tiles = new TreeMap<>();
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                tiles.put(new SpatialKey(c, r), randomTile(ct, rnd));
            }
        }
        return tiles;
    }

    static Tile randomTile(CellType ct, Random rnd) {
        int n = TILE * TILE;
        Object storage = ArrayTile.allocate(ct.dataType(), n);
        switch (ct.dataType()) {
            case BIT, INT8, UINT8 -> rnd.nextBytes((byte[]) storage);
            case INT16, UINT16 -> {
                short[] s = (short[]) storage;
                for (int i = 0; i < n; i++) {
                    s[i] = (short) (i % 9 == 0 ? ct.hasNoData() ? ct.intNoData() : 7 : rnd.nextInt());
                }
            }
            case INT32 -> {
                int[] s = (int[]) storage;
                for (int i = 0; i < n; i++) {
                    s[i] = i % 9 == 0 ? Integer.MIN_VALUE : rnd.nextInt();
                }
            }
            case FLOAT32 -> {
                float[] s = (float[]) storage;
                for (int i = 0; i < n; i++) {
                    s[i] = i % 9 == 0 ? Float.NaN : (float) rnd.nextGaussian() * 1000;
                }
            }
            case FLOAT64 -> {
                double[] s = (double[]) storage;
                for (int i = 0; i < n; i++) {
                    s[i] = i % 9 == 0 ? Double.NaN : rnd.nextGaussian() * 1e6;
                }
            }
        }
        return ArrayTile.wrap(ct, TILE, TILE, storage);
    }

    static TileLayer layer(SparkSession spark, CellType ct, Map<SpatialKey, Tile> tiles) {
        List<Tuple2<SpatialKey, Tile>> pairs = new ArrayList<>();
        tiles.forEach((k, t) -> pairs.add(new Tuple2<>(k, t)));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return TileLayers.fromRdd(jsc.parallelizePairs(pairs, 2), metadata(ct));
    }

    static MultibandLayer multiband(SparkSession spark, CellType ct, Map<SpatialKey, MultibandTile> tiles) {
        List<Tuple2<SpatialKey, MultibandTile>> pairs = new ArrayList<>();
        tiles.forEach((k, t) -> pairs.add(new Tuple2<>(k, t)));
        return new MultibandLayer(
                JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelizePairs(pairs, 2), metadata(ct));
    }

    static Map<SpatialKey, Tile> collect(TileLayer layer) {
        return new TreeMap<>(layer.rdd().collectAsMap());
    }

    /** Same keys, cell types and stored samples (compared as bytes, so NaN payloads and NoData count). */
    static void assertSameTiles(Map<SpatialKey, Tile> expected, Map<SpatialKey, Tile> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (SpatialKey k : expected.keySet()) {
            assertEquals(expected.get(k).cellType(), actual.get(k).cellType(), "cell type of " + k);
            assertArrayEquals(expected.get(k).toBytes(), actual.get(k).toBytes(), "cells of " + k);
        }
    }
}
