package io.rastermill.io.layerstore;

import java.io.Serializable;
import java.util.Objects;

/**
 * GeoTrellis's layer header ({@code FileLayerHeader} / {@code HadoopLayerHeader}): key and value
 * class names, where the tiles are ({@code path}: relative to the catalog for the file backend, an
 * absolute URI for Hadoop), the layer type ({@code AvroLayerType}) and the backend ({@code format}:
 * {@code file} or {@code hdfs}).
 */
public record LayerHeader(String keyClass, String valueClass, String path, String layerType, String format)
        implements Serializable {
    public static final String SPATIAL_KEY = "geotrellis.layer.SpatialKey";
    public static final String SPACETIME_KEY = "geotrellis.layer.SpaceTimeKey";
    public static final String AVRO_LAYER = "AvroLayerType";

    public LayerHeader {
        Objects.requireNonNull(keyClass, "keyClass");
        Objects.requireNonNull(valueClass, "valueClass");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(layerType, "layerType");
        Objects.requireNonNull(format, "format");
    }
}
