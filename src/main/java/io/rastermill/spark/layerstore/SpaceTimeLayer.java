package io.rastermill.spark.layerstore;

import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.SpaceTimeKey;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TemporalBounds;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.tile.Tile;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import scala.Tuple2;

/**
 * A space-time layer (GeoTrellis {@code TileLayerRDD[SpaceTimeKey]}): one layout-sized tile per spatial key and
 * scene instant, the spatial metadata shared by every instant, and the range of instants.
 *
 * @param rdd      tiles by (col, row, instant)
 * @param metadata cell type, layout, data extent, CRS and spatial key bounds of all instants together
 * @param time     first and last instant
 */
public record SpaceTimeLayer(JavaPairRDD<SpaceTimeKey, Tile> rdd, TileLayerMetadata metadata, TemporalBounds time) {
    public SpaceTimeLayer {
        Objects.requireNonNull(rdd, "rdd");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(time, "time");
    }

    /** Spatial layers of one layout, each the scene of one instant, as one space-time layer. */
    public static SpaceTimeLayer of(List<Long> instants, List<TileLayer> scenes) {
        if (instants.isEmpty() || instants.size() != scenes.size()) {
            throw new IllegalArgumentException("need one instant per scene, and at least one scene: " + instants.size()
                    + " instants, " + scenes.size() + " scenes");
        }
        TileLayerMetadata md = scenes.get(0).metadata();
        TemporalBounds time = TemporalBounds.of(instants.get(0));
        JavaPairRDD<SpaceTimeKey, Tile> rdd = null;
        for (int i = 0; i < scenes.size(); i++) {
            TileLayerMetadata m = scenes.get(i).metadata();
            if (!m.layout().equals(md.layout()) || !m.cellType().equals(md.cellType())) {
                throw new IllegalArgumentException("scene " + i + " has layout " + m.layout() + " and cell type "
                        + m.cellType() + "; the first has " + md.layout() + " and " + md.cellType());
            }
            long t = instants.get(i);
            JavaPairRDD<SpaceTimeKey, Tile> timed =
                    scenes.get(i).rdd().mapToPair(kv -> new Tuple2<>(SpaceTimeKey.of(kv._1(), t), kv._2()));
            rdd = rdd == null ? timed : rdd.union(timed);
            md = i == 0 ? md : LayerWriter.combine(md, m);
            time = time.include(t);
        }
        return new SpaceTimeLayer(rdd, md, time);
    }

    /** The distinct instants present, sorted. */
    public List<Long> instants() {
        return instants(rdd);
    }

    /** The distinct instants of a space-time RDD's keys, sorted. */
    static List<Long> instants(JavaPairRDD<SpaceTimeKey, ?> rdd) {
        return rdd.keys().map(SpaceTimeKey::instant).distinct().collect().stream()
                .sorted()
                .toList();
    }

    /** The scene of one instant as a spatial layer of the shared metadata. */
    public TileLayer at(long instant) {
        JavaPairRDD<SpatialKey, Tile> scene = rdd.filter(kv -> kv._1().instant() == instant)
                .mapToPair(kv -> new Tuple2<>(kv._1().spatialKey(), kv._2()));
        return TileLayers.fromRdd(scene, metadata);
    }

    /** The tiles in {@code space} (null: all) whose instant lies in {@code when} (null: all), with bounds to match. */
    public SpaceTimeLayer filter(KeyBounds space, TemporalBounds when) {
        JavaPairRDD<SpaceTimeKey, Tile> kept =
                rdd.filter(kv -> (space == null || space.includes(kv._1().spatialKey()))
                        && (when == null || when.includes(kv._1().instant())));
        return new SpaceTimeLayer(kept, metadata, clip(time, when));
    }

    /** {@code time} clipped to {@code when} (null: not clipped). */
    static TemporalBounds clip(TemporalBounds time, TemporalBounds when) {
        return when == null
                ? time
                : new TemporalBounds(Math.max(time.min(), when.min()), Math.min(time.max(), when.max()));
    }
}
