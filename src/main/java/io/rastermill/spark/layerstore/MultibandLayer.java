package io.rastermill.spark.layerstore;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import scala.Tuple2;

/** A multiband layer as GeoTrellis stores it: layout-sized multiband tiles by key, and the layer's metadata. */
public record MultibandLayer(JavaPairRDD<SpatialKey, MultibandTile> rdd, TileLayerMetadata metadata) {
    public MultibandLayer {
        Objects.requireNonNull(rdd, "rdd");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** Single-band layers of one layout (band 1, 2, … in order) as one multiband layer of the first's metadata. */
    public static MultibandLayer of(List<TileLayer> bands) {
        List<JavaPairRDD<SpatialKey, Tile>> rdds = new ArrayList<>();
        for (TileLayer b : bands) {
            rdds.add(b.rdd());
        }
        return new MultibandLayer(zip(rdds), bands.get(0).metadata());
    }

    /** Band {@code band} (0-based) of every tile as a single-band layer. */
    public TileLayer band(int band) {
        return TileLayers.fromRdd(rdd.mapValues(t -> t.band(band)), metadata);
    }

    /** The number of bands (of the first tile; every tile has as many). */
    public int bandCount() {
        return rdd.values().first().bandCount();
    }

    /**
     * Band RDDs of the same keys zipped into multiband tiles by key in one shuffle (none for one band).
     *
     * @throws IllegalArgumentException (when evaluated) naming a key that some band lacks
     */
    static <K> JavaPairRDD<K, MultibandTile> zip(List<JavaPairRDD<K, Tile>> bands) {
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("a multiband layer needs at least one band");
        }
        int n = bands.size();
        if (n == 1) {
            return bands.get(0).mapValues(t -> MultibandTile.of(t)); // one band: no shuffle
        }
        JavaPairRDD<K, Tuple2<Integer, Tile>> tagged = null;
        for (int b = 0; b < n; b++) {
            int band = b;
            JavaPairRDD<K, Tuple2<Integer, Tile>> t = bands.get(b).mapValues(tile -> new Tuple2<>(band, tile));
            tagged = tagged == null ? t : tagged.union(t);
        }
        return tagged.groupByKey().mapToPair(kv -> {
            Tile[] tiles = new Tile[n];
            for (Tuple2<Integer, Tile> bt : kv._2()) {
                tiles[bt._1()] = bt._2();
            }
            for (int b = 0; b < n; b++) {
                if (tiles[b] == null) {
                    throw new IllegalArgumentException("tile " + kv._1() + " has no band " + (b + 1) + " of " + n);
                }
            }
            return new Tuple2<>(kv._1(), MultibandTile.of(tiles));
        });
    }
}
