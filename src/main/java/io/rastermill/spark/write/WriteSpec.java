package io.rastermill.spark.write;

import io.rastermill.core.cell.CellType;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.geotiff.BigTiffMode;
import io.rastermill.io.geotiff.GeoTiffAssembler;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.OverviewResampling;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.io.tiff.GeoTransform;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.hadoop.conf.Configuration;

/**
 * What tasks need to encode and reduce blocks of one file, in a form that travels with closures:
 * {@link RasterDescription} and {@link GeoTiffWriteOptions} hold {@code Optional}s and a
 * {@code java.nio.file.Path} (not serializable), and a Hadoop {@link Configuration} is only Writable.
 * Rebuilds them on the executor. Immutable after construction.
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
    private final int blockSize;
    private final Compression compression;
    private final int level;
    private final int predictor;
    private final BigTiffMode bigTiff;
    private final boolean cog;
    private final int overviewCount;
    private final OverviewResampling resampling;
    private transient Configuration conf;
    private transient RasterDescription description;
    private transient GeoTiffWriteOptions options;

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
        this.blockSize = o.blockSize();
        this.compression = o.compression();
        this.level = o.level();
        this.predictor = o.predictor();
        this.bigTiff = o.bigTiff();
        this.cog = o.cog();
        this.overviewCount = o.overviewCount();
        this.resampling = o.resampling();
        this.conf = conf;
        this.description = d;
        this.options = o;
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
        if (options == null) {
            options = new GeoTiffWriteOptions(
                    blockSize,
                    compression,
                    level,
                    predictor,
                    bigTiff,
                    cog,
                    overviewCount,
                    resampling,
                    Optional.empty());
        }
        return options;
    }

    Configuration conf() {
        return conf;
    }

    GeoTiffAssembler.Target target() throws IOException {
        return GeoTiffAssembler.Target.resolve(location, conf);
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        conf.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        conf = new Configuration(false);
        conf.readFields(in);
    }
}
