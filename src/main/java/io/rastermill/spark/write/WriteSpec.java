package io.rastermill.spark.write;

import io.rastermill.core.cell.CellType;
import io.rastermill.io.geotiff.GeoTiffAssembler;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.io.tiff.GeoTransform;
import io.rastermill.spark.layer.HadoopConf;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.hadoop.conf.Configuration;

/**
 * What tasks need to encode and reduce blocks of one file, in a form that travels with closures:
 * {@link RasterDescription} holds {@code Optional}s (not serializable) and is rebuilt on the executor; the
 * {@link GeoTiffWriteOptions} and the Hadoop {@link Configuration} (as {@link HadoopConf}) travel as they are.
 * Immutable after construction.
 */
final class WriteSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    final String location;
    final String partsDir;
    private final int width;
    private final int height;
    private final int bands;
    private final CellType cellType;
    private final double[] transform; // null: none
    private final int epsg; // -1: none
    private final boolean geographic;
    /** The options without the spill directory (executors spill nothing). */
    private final GeoTiffWriteOptions options;

    private final HadoopConf conf;
    private transient RasterDescription description;

    WriteSpec(String location, String partsDir, RasterDescription d, GeoTiffWriteOptions o, Configuration conf) {
        this.location = location;
        this.partsDir = partsDir;
        this.width = d.width();
        this.height = d.height();
        this.bands = d.bandCount();
        this.cellType = d.cellType();
        this.transform = d.transform()
                .map(t -> new double[] {
                    t.originX(), t.pixelWidth(), t.rowRotation(), t.originY(), t.columnRotation(), t.pixelHeight()
                })
                .orElse(null);
        this.epsg = d.epsg().orElse(-1);
        this.geographic = d.geographic();
        this.options = o.withSpillDirectory(Optional.empty());
        this.conf = new HadoopConf(conf);
        this.description = d;
    }

    RasterDescription description() {
        if (description == null) {
            Optional<GeoTransform> t = transform == null
                    ? Optional.empty()
                    : Optional.of(new GeoTransform(
                            transform[0], transform[1], transform[2], transform[3], transform[4], transform[5]));
            description = new RasterDescription(
                    width,
                    height,
                    bands,
                    cellType,
                    t,
                    epsg < 0 ? OptionalInt.empty() : OptionalInt.of(epsg),
                    geographic);
        }
        return description;
    }

    /** The options without the spill directory (executors spill nothing). */
    GeoTiffWriteOptions options() {
        return options;
    }

    Configuration conf() {
        return conf.get();
    }

    GeoTiffAssembler.Target target() throws IOException {
        return GeoTiffAssembler.Target.resolve(location, conf.get());
    }
}
