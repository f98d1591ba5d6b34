package io.rastermill.spark.warp;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.crs.CrsTransform;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.warp.Resampling;
import io.rastermill.core.warp.TargetGridSpec;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.io.geotiff.GeoTiffInfo;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.spark.IoMetrics;
import io.rastermill.spark.RastermillConf;
import io.rastermill.spark.layer.HadoopConf;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * GeoTIFFs opened for warping: their headers read on the driver, then {@link #warp} reprojects, resamples and
 * mosaics them onto a target grid as one layer per band.
 *
 * <p><b>How it runs.</b> The layer's keys are the target tiles some source's footprint reaches. Each task warps its
 * tiles one by one: per source, the tile's cells go through the inverse transform (an interpolated control grid,
 * {@link io.rastermill.core.warp.PixelTransform}), the source window they need plus the kernel's radius is read
 * by byte range ({@link io.rastermill.spark.layer.GeoTiffReaders}), and resampled into the tile. Sources are
 * applied in the order given (files of a glob or directory sorted), later ones winning where they have data, as
 * gdalwarp mosaics. No raster data is shuffled.
 *
 * <p>Immutable; the driver-side methods read headers only.
 */
public final class GeoTiffWarp {
    private final SparkSession spark;
    private final List<WarpSource> sources;

    private GeoTiffWarp(SparkSession spark, List<WarpSource> sources) {
        this.spark = spark;
        this.sources = List.copyOf(sources);
    }

    /**
     * Reads the headers of the GeoTIFFs that {@code pathsOrGlobs} name (in that order; a glob's or directory's
     * files sorted).
     *
     * @param sourceCrs the CRS of every source ({@code -s_srs}), or null to take each file's own
     * @throws IllegalArgumentException naming the file if it has no north-up georeferencing, no CRS (and none is
     *                                  given), or a band count different from the first file's
     */
    public static GeoTiffWarp open(SparkSession spark, List<String> pathsOrGlobs, Crs sourceCrs) throws IOException {
        Configuration conf =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).hadoopConfiguration();
        return new GeoTiffWarp(spark, readSources(pathsOrGlobs, sourceCrs, conf));
    }

    /**
     * The sources {@code pathsOrGlobs} name, their headers read with {@code conf}: what {@link #open} reads, for
     * code that runs without a session (an executor).
     *
     * @throws IllegalArgumentException as {@link #open}
     */
    public static List<WarpSource> readSources(List<String> pathsOrGlobs, Crs sourceCrs, Configuration conf)
            throws IOException {
        List<String> files = new ArrayList<>();
        for (String p : pathsOrGlobs) {
            files.addAll(TileLayers.listGeoTiffs(List.of(p), conf));
        }
        List<WarpSource> sources = new ArrayList<>();
        for (String f : files) {
            GeoTiffInfo info;
            try (GeoTiffReader r = GeoTiffReader.open(f, conf)) {
                info = r.info();
            }
            RasterExtent grid = info.rasterExtent()
                    .orElseThrow(() -> new IllegalArgumentException(
                            f + ": no north-up georeferencing (a geotransform without rotation is needed to warp)"));
            Crs crs = sourceCrs != null
                    ? sourceCrs
                    : info.crs()
                            .orElseThrow(() -> new IllegalArgumentException(f
                                    + ": no CRS ("
                                    + (info.epsg().isPresent()
                                            ? "EPSG:" + info.epsg().getAsInt() + " is unknown to proj4j"
                                            : "none in the file")
                                    + "); give the source CRS with -s_srs"));
            if (!sources.isEmpty() && info.bandCount() != sources.get(0).bandCount()) {
                throw new IllegalArgumentException(f + " has " + info.bandCount() + " band(s) but "
                        + sources.get(0).uri() + " has " + sources.get(0).bandCount()
                        + "; warp sources need the same bands");
            }
            sources.add(new WarpSource(f, new WarpGrid(crs, grid), info.bandCount(), info.cellType()));
        }
        return sources;
    }

    public List<WarpSource> sources() {
        return sources;
    }

    public int bandCount() {
        return sources.get(0).bandCount();
    }

    /** The target grid {@code spec} gives for these sources (gdalwarp's default grid where it says nothing). */
    public WarpGrid targetGrid(TargetGridSpec spec) {
        return spec.resolve(sources.stream().map(WarpSource::grid).toList());
    }

    /** The GeoTIFF description of a warp's result: target grid, bands, cell type and the target CRS's EPSG code. */
    public RasterDescription describe(WarpGrid target, WarpOptions options) {
        return RasterDescription.of(target.cols(), target.rows(), bandCount(), cellType(options))
                .withRasterExtent(target.grid())
                .withCrs(target.crs());
    }

    /** The cell type of the result: the option's, else the first source's. */
    public CellType cellType(WarpOptions options) {
        return options.cellType() != null ? options.cellType() : sources.get(0).cellType();
    }

    /** Every band warped onto {@code target} with {@code resampling} and the default options. */
    public List<TileLayer> warp(WarpGrid target, Resampling resampling) {
        return warp(target, WarpOptions.of(resampling));
    }

    /** Every band warped onto {@code target}: layer {@code b} is band {@code b + 1}. */
    public List<TileLayer> warp(WarpGrid target, WarpOptions options) {
        List<TileLayer> bands = new ArrayList<>();
        for (int b = 0; b < bandCount(); b++) {
            bands.add(warpBand(target, b, options));
        }
        return bands;
    }

    /** Band {@code band} (0-based) of every source warped onto {@code target}. */
    public TileLayer warpBand(WarpGrid target, int band, WarpOptions options) {
        int ts = options.tileSize();
        LayoutDefinition layout = LayoutDefinition.fromGrid(target.grid(), ts, ts);
        TileLayerMetadata md =
                TileLayerMetadata.of(cellType(options), layout, target.grid().extent(), target.crs());
        return warpBand(target, new SpatialKey(0, 0), keys(target, ts), md, band, options);
    }

    /**
     * Band {@code band} (0-based) warped onto the tiles of {@code layout} (square tiles, in {@code crs}) that the
     * sources reach, keyed as that layout keys them: a level of a {@code ZoomedLayoutScheme} pyramid, say. The
     * metadata is GeoTrellis's: the layout, the sources' extent in {@code crs} (gdalwarp's default grid there) and
     * the key bounds it meets.
     */
    public TileLayer warpBandToLayout(LayoutDefinition layout, Crs crs, int band, WarpOptions options) {
        int ts = layout.tileCols();
        if (layout.tileRows() != ts) {
            throw new IllegalArgumentException(
                    "warping onto a layout needs square tiles, not " + ts + "x" + layout.tileRows());
        }
        Extent data =
                targetGrid(TargetGridSpec.defaults(crs, Long.MAX_VALUE)).grid().extent();
        GridBounds gb = layout.mapTransform().extentToBounds(data);
        SpatialKey min =
                new SpatialKey(Math.toIntExact(Math.max(0, gb.colMin())), Math.toIntExact(Math.max(0, gb.rowMin())));
        SpatialKey max = new SpatialKey(
                Math.toIntExact(Math.min(layout.layoutCols() - 1L, gb.colMax())),
                Math.toIntExact(Math.min(layout.layoutRows() - 1L, gb.rowMax())));
        if (min.col() > max.col() || min.row() > max.row()) {
            throw new IllegalArgumentException(
                    "the sources (" + data + " in " + crs + ") lie outside the layout " + layout.extent());
        }
        Extent tiles = layout.mapTransform().boundsToExtent(new GridBounds(min.col(), min.row(), max.col(), max.row()));
        WarpGrid target = new WarpGrid(
                crs, RasterExtent.of(tiles, (max.col() - min.col() + 1) * ts, (max.row() - min.row() + 1) * ts));
        List<SpatialKey> keys = new ArrayList<>();
        for (SpatialKey k : keys(target, ts)) {
            keys.add(new SpatialKey(k.col() + min.col(), k.row() + min.row()));
        }
        TileLayerMetadata md = new TileLayerMetadata(cellType(options), layout, data, crs, new KeyBounds(min, max));
        return warpBand(target, min, keys, md, band, options.withTileSize(ts));
    }

    private TileLayer warpBand(
            WarpGrid target,
            SpatialKey origin,
            List<SpatialKey> keys,
            TileLayerMetadata md,
            int band,
            WarpOptions options) {
        if (band < 0 || band >= bandCount()) {
            throw new IllegalArgumentException(
                    "band " + (band + 1) + " does not exist; the sources have " + bandCount());
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int ts = options.tileSize();
        CellType ct = cellType(options);
        Partitioner partitioner = TileLayers.partitionerFor(
                keys, TileLayers.ReadOptions.defaults().withTileSize(ts), jsc.defaultParallelism());
        JavaPairRDD<SpatialKey, Boolean> keyRdd = TileLayers.keyRdd(jsc, keys, partitioner);
        WarpTask task = new WarpTask(
                sources,
                target,
                origin,
                band,
                options,
                ct,
                new HadoopConf(jsc.hadoopConfiguration()),
                RastermillConf.blockCacheBytes(spark.sparkContext().getConf()),
                IoMetrics.bytesRead(spark.sparkContext()));
        return TileLayers.fromRdd(keyRdd.mapPartitionsToPair(task, true), md);
    }

    /**
     * An estimate of the source cells one tile of {@code layout} (in {@code crs}) reads, in bytes as a task holds
     * them (the double lane, 8 bytes a cell): per source, the tile's side scaled by the ratio of the layout's cell
     * size to the source's own in {@code crs} (gdalwarp's default grid there), plus the kernel's radius widened as
     * the warper widens it, capped at the source's size; summed over the sources, as one tile may meet them all.
     * From cell sizes only, so no transform is run; it tells a tile of a coarse level, whose window is the whole
     * source, from one near the source's resolution.
     */
    public long windowBytes(LayoutDefinition layout, Crs crs, Resampling resampling) {
        long cells = 0;
        for (WarpSource s : sources) {
            RasterExtent own = TargetGridSpec.defaults(crs, Long.MAX_VALUE)
                    .resolve(List.of(s.grid()))
                    .grid();
            double sx = layout.cellSize().width() / own.cellWidth();
            double sy = layout.cellSize().height() / own.cellHeight();
            int radius = resampling.isAggregating() ? 1 : Math.max(1, resampling.radius());
            double w = layout.tileCols() * sx + 2 * radius * Math.max(1, sx) + 1;
            double h = layout.tileRows() * sy + 2 * radius * Math.max(1, sy) + 1;
            cells += (long) Math.min(s.grid().cols(), Math.ceil(w))
                    * (long) Math.min(s.grid().rows(), Math.ceil(h));
        }
        return cells * Double.BYTES;
    }

    /** How many target tiles of {@code tileSize} a warp onto {@code target} computes per band. */
    public int tileCount(WarpGrid target, int tileSize) {
        return keys(target, tileSize).size();
    }

    /** The target tiles some source's footprint (its outline in the target CRS, two cells wider) reaches. */
    public List<SpatialKey> keys(WarpGrid target, int tileSize) {
        TreeSet<SpatialKey> keys = new TreeSet<>();
        RasterExtent g = target.grid();
        for (WarpSource s : sources) {
            Extent footprint;
            try {
                footprint = CrsTransform.between(s.grid().crs(), target.crs())
                        .transformExtent(s.grid().grid().extent());
            } catch (IllegalArgumentException e) {
                continue; // no finite point in the target CRS: this source contributes nothing
            }
            if (target.crs().isGeographic() && footprint.width() > 180) {
                // An outline across the antimeridian comes back as two pieces spanning the globe; a grid running
                // past 180° (see TargetGridSpec) holds both, so keep every column rather than only those west of 180.
                footprint = new Extent(
                        g.extent().xmin(), footprint.ymin(), g.extent().xmax(), footprint.ymax());
            }
            footprint = footprint.buffer(2 * g.cellWidth(), 2 * g.cellHeight());
            if (!footprint.intersects(g.extent())) {
                continue;
            }
            GridBounds b = g.gridBoundsFor(footprint, true);
            for (long r = b.rowMin() / tileSize; r <= b.rowMax() / tileSize; r++) {
                for (long c = b.colMin() / tileSize; c <= b.colMax() / tileSize; c++) {
                    keys.add(new SpatialKey((int) c, (int) r));
                }
            }
        }
        return new ArrayList<>(keys);
    }
}
