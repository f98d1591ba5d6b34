package io.rastermill.spark.layerstore;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.tile.MultibandTile;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;

/** A multiband layer as GeoTrellis stores it: layout-sized multiband tiles by key, and the layer's metadata. */
public record MultibandLayer(JavaPairRDD<SpatialKey, MultibandTile> rdd, TileLayerMetadata metadata) {
    public MultibandLayer {
        Objects.requireNonNull(rdd, "rdd");
        Objects.requireNonNull(metadata, "metadata");
    }
}
