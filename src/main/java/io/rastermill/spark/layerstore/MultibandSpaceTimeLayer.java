package io.rastermill.spark.layerstore;

import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.SpaceTimeKey;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TemporalBounds;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import scala.Tuple2;

/**
 * A multiband space-time layer (GeoTrellis {@code MultibandTileLayerRDD[SpaceTimeKey]}): one layout-sized multiband
 * tile per spatial key and scene instant, the spatial metadata shared by every instant (its cell type is every band's),
 * and the range of instants. {@link SpaceTimeLayer} is the single-band form; {@link #band} picks one band as such.
 *
 * @param rdd      multiband tiles by (col, row, instant)
 * @param metadata cell type, layout, data extent, CRS and spatial key bounds of all instants together
 * @param time     first and last instant
 */
public record MultibandSpaceTimeLayer(
        JavaPairRDD<SpaceTimeKey, MultibandTile> rdd, TileLayerMetadata metadata, TemporalBounds time) {
    public MultibandSpaceTimeLayer {
        Objects.requireNonNull(rdd, "rdd");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(time, "time");
    }

    /**
     * Single-band space-time layers of the same keys (band 1, 2, … in order) as one multiband layer.
     *
     * @throws IllegalArgumentException if their layouts or cell types differ (a key missing from a band fails when the
     *                                  layer is evaluated, naming the key)
     */
    public static MultibandSpaceTimeLayer of(List<SpaceTimeLayer> bands) {
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("a multiband layer needs at least one band");
        }
        TileLayerMetadata md = bands.get(0).metadata();
        TemporalBounds time = bands.get(0).time();
        List<JavaPairRDD<SpaceTimeKey, Tile>> rdds = new ArrayList<>();
        for (int b = 0; b < bands.size(); b++) {
            TileLayerMetadata m = bands.get(b).metadata();
            if (!m.layout().equals(md.layout()) || !m.cellType().equals(md.cellType())) {
                throw new IllegalArgumentException("band " + (b + 1) + " has layout " + m.layout() + " and cell type "
                        + m.cellType() + "; band 1 has " + md.layout() + " and " + md.cellType());
            }
            rdds.add(bands.get(b).rdd());
            time = time.include(bands.get(b).time().min())
                    .include(bands.get(b).time().max());
        }
        return new MultibandSpaceTimeLayer(MultibandLayer.zip(rdds), md, time);
    }

    /** Band {@code band} (0-based) of every tile as a single-band space-time layer. */
    public SpaceTimeLayer band(int band) {
        return new SpaceTimeLayer(rdd.mapValues(t -> t.band(band)), metadata, time);
    }

    /** The number of bands (of the first tile; every tile has as many). */
    public int bandCount() {
        return rdd.values().first().bandCount();
    }

    /** The distinct instants present, sorted. */
    public List<Long> instants() {
        return SpaceTimeLayer.instants(rdd);
    }

    /** The scene of one instant as a spatial multiband layer of the shared metadata. */
    public MultibandLayer at(long instant) {
        JavaPairRDD<SpatialKey, MultibandTile> scene = rdd.filter(kv -> kv._1().instant() == instant)
                .mapToPair(kv -> new Tuple2<>(kv._1().spatialKey(), kv._2()));
        return new MultibandLayer(scene, metadata);
    }

    /** The tiles in {@code space} (null: all) whose instant lies in {@code when} (null: all), with bounds to match. */
    public MultibandSpaceTimeLayer filter(KeyBounds space, TemporalBounds when) {
        JavaPairRDD<SpaceTimeKey, MultibandTile> kept =
                rdd.filter(kv -> (space == null || space.includes(kv._1().spatialKey()))
                        && (when == null || when.includes(kv._1().instant())));
        return new MultibandSpaceTimeLayer(kept, metadata, SpaceTimeLayer.clip(time, when));
    }
}
