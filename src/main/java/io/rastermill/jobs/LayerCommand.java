package io.rastermill.jobs;

import io.rastermill.core.geom.Extent;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.LayoutLevel;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TemporalBounds;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.layout.TileLayout;
import io.rastermill.core.layout.ZoomedLayoutScheme;
import io.rastermill.core.warp.Resampling;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.layerstore.Catalog;
import io.rastermill.io.layerstore.KeyIndex;
import io.rastermill.io.layerstore.KeyIndexMethod;
import io.rastermill.io.layerstore.LayerAttributes;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.io.layerstore.TileSchema;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.layerstore.LayerReader;
import io.rastermill.spark.layerstore.LayerWriter;
import io.rastermill.spark.layerstore.MultibandLayer;
import io.rastermill.spark.layerstore.MultibandSpaceTimeLayer;
import io.rastermill.spark.layerstore.SpaceTimeLayer;
import io.rastermill.spark.layerstore.SpaceTimeLayerStore;
import io.rastermill.spark.layerstore.ZoomedPyramid;
import io.rastermill.spark.temporal.SceneSeries;
import io.rastermill.spark.warp.GeoTiffWarp;
import io.rastermill.spark.warp.WarpOptions;
import io.rastermill.spark.write.LayerGeoTiffWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import scala.Tuple2;

/**
 * {@code rastermill layer write|read|list}: GeoTrellis layer catalogs (file or Hadoop backend).
 * {@code write} tiles a GeoTIFF into a layer GeoTrellis reads ({@code --layout floating}: the raster's
 * own grid, GeoTrellis's FloatingLayoutScheme; {@code zoomed}: a ZoomedLayoutScheme level of the
 * raster's CRS, nearest-neighbour); {@code read} writes a layer, or the part meeting {@code --extent},
 * as a GeoTIFF/COG; {@code list} prints a catalog's layers. With {@code --space-time}, {@code write} stores dated
 * scenes as one space-time layer, and {@code read} of such a layer writes one GeoTIFF per scene in {@code --start/--end}.
 */
@Command(
        name = "layer",
        mixinStandardHelpOptions = true,
        description =
                "GeoTrellis layer catalogs (file or Hadoop backend): write a GeoTIFF as a layer, read a layer to a GeoTIFF, list layers.",
        subcommands = {LayerCommand.Write.class, LayerCommand.Read.class, LayerCommand.ListLayers.class})
final class LayerCommand extends RastermillSubcommand {
    @Override
    public Integer call() {
        throw usage("Missing subcommand: write, read or list");
    }

    /** What {@code layer write}, {@code read} and {@code list} reach: this command (its parent's settings) and their spec. */
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        LayerCommand parent;

        @Spec
        CommandSpec spec;

        ParameterException usage(String message) {
            return new ParameterException(spec.commandLine(), message);
        }
    }

    @Command(
            name = "write",
            mixinStandardHelpOptions = true,
            description =
                    "Tile a GeoTIFF into a GeoTrellis layer (all bands: one band → Tile layer, several → MultibandTile layer).")
    static final class Write extends Sub {
        @Parameters(
                arity = "2..*",
                paramLabel = "IN",
                description =
                        "the GeoTIFF (a path or URI; with --space-time the dated scenes: paths, directories, globs),"
                                + " then the catalog: a directory (file backend) or hdfs:// etc. URI (Hadoop backend)")
        List<String> files;

        @Option(
                names = "--space-time",
                description =
                        "write the scenes as one space-time layer (GeoTrellis SpaceTimeKey, ZSpaceTimeKeyIndex): scenes of"
                                + " one band count on one grid (several bands: a MultibandTile layer of all of them), each dated by --dates, --date-pattern, its TIFF DateTime tag or a date in its name")
        boolean spaceTime;

        @Option(
                names = "--time-resolution",
                paramLabel = "UNIT",
                defaultValue = "day",
                description =
                        "--space-time: the index's time bin, GeoTrellis's ZCurveKeyIndexMethod.by*: millis | second"
                                + " | minute | hour | day | month (30 days) | year (365 days) (default: ${DEFAULT-VALUE})")
        String timeResolution;

        @Mixin
        SceneDatingOptions dating;

        @Mixin
        TimeRangeOptions range;

        @Mixin
        LayerNameOptions layerName;

        @Option(
                names = "--layout",
                paramLabel = "SCHEME",
                defaultValue = "floating",
                description =
                        "floating (the raster's grid) | zoomed (a ZoomedLayoutScheme pyramid in EPSG:3857: --zoom or the scheme's level reprojected with the warp machinery, each level down to --min-zoom warped too while a tile's source window stays under 32 MiB, below that built from the one above) (default: ${DEFAULT-VALUE})")
        String layout;

        @Option(
                names = "--min-zoom",
                paramLabel = "Z",
                defaultValue = "0",
                description =
                        "zoomed: the lowest level written; every level from the top down to it is written (default: ${DEFAULT-VALUE})")
        int minZoom;

        @Mixin
        ResamplingOption resampling;

        @Mixin
        TileSizeOption tileSize;

        @Option(
                names = "--index",
                paramLabel = "CURVE",
                defaultValue = "zorder",
                description = "key index: zorder | hilbert | rowmajor (default: ${DEFAULT-VALUE})")
        String index;

        @Mixin
        BackendOption backend;

        @Mixin
        OverwriteOption overwrite;

        @Option(
                names = "--update",
                description = "merge into an existing layer (same key index; new tiles replace old ones)")
        boolean update;

        @Override
        public Integer call() throws IOException {
            if (overwrite.overwrite && update) {
                throw usage("--overwrite and --update exclude each other");
            }
            method(); // an unknown curve: refused before Spark starts
            String in = files.get(0);
            String catalog = files.get(files.size() - 1);
            if (spaceTime) {
                return writeSpaceTime(files.subList(0, files.size() - 1), catalog);
            }
            if (files.size() > 2) {
                throw usage("several inputs make a space-time layer: add --space-time");
            }
            if (dating.datingGiven() || range.start != null || range.end != null) {
                throw usage("--dates, --date-pattern, --start and --end need --space-time");
            }
            boolean zoomed = switch (layout.toLowerCase(Locale.ROOT)) {
                case "floating" -> false;
                case "zoomed" -> true;
                default -> throw usage("--layout must be floating or zoomed, not '" + layout + "'");
            };
            int ts = tileSize.orElse(zoomed ? ZoomedLayoutScheme.DEFAULT_TILE_SIZE : parent.parent.tileSize());
            LayerId id = layerName.id(0); // a name that would leave the catalog: refused before Spark starts
            int bands;
            try (GeoTiffReader r =
                    GeoTiffReader.open(in, parent.parent.settings().hadoopConfiguration())) {
                bands = r.info().bandCount();
            }
            long start = System.nanoTime();
            SparkSession spark = parent.parent.spark().session();
            LayerWriter writer = LayerWriter.open(spark, catalog, backend.backend());
            if (zoomed) {
                Resampling warpMethod;
                try {
                    warpMethod = ZoomedPyramid.method(resampling.orElse(Resampling.NEAREST));
                } catch (IllegalArgumentException e) {
                    throw usage("-r: " + e.getMessage());
                }
                GeoTiffWarp warp;
                try {
                    warp = GeoTiffWarp.open(spark, List.of(in), null);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            e.getMessage() + " (--layout zoomed reprojects to EPSG:3857)", e);
                }
                List<LayoutLevel> levels;
                try {
                    levels = ZoomedPyramid.levels(warp, ts, layerName.zoom, minZoom);
                } catch (IllegalArgumentException e) {
                    throw usage(e.getMessage());
                }
                for (LayoutLevel level : levels) {
                    layerName.id(id.name(), level.zoom());
                }
                ZoomedPyramid.build(
                        warp,
                        levels,
                        WarpOptions.of(warpMethod),
                        (level, layers) ->
                                write(writer, layerName.id(id.name(), level.zoom()), layers, method(), start));
            } else {
                List<TileLayer> layers = new ArrayList<>();
                for (int b = 0; b < bands; b++) {
                    layers.add(TileLayers.readGeoTiffs(
                            spark,
                            List.of(in),
                            TileLayers.ReadOptions.defaults().withTileSize(ts).withBand(b)));
                }
                write(writer, id, layers, method(), start);
            }
            return 0;
        }

        /** {@code --space-time}: the dated scenes (in {@code --start/--end}) as one space-time layer. */
        private Integer writeSpaceTime(List<String> sources, String catalog) throws IOException {
            if (!"floating".equalsIgnoreCase(layout) || update || method() != KeyIndexMethod.ZORDER) {
                throw usage("--space-time writes floating layouts with the zorder index,"
                        + " new or --overwrite (not --layout zoomed, --update, --index hilbert/rowmajor)");
            }
            long resolution;
            try {
                resolution = KeyIndex.ZSpaceTime.resolution(timeResolution);
            } catch (IllegalArgumentException e) {
                throw usage("--time-resolution: " + e.getMessage());
            }
            int ts = tileSize.orElse(parent.parent.tileSize());
            LayerId id = layerName.id(0);
            long start = System.nanoTime();
            SparkSession spark = parent.parent.spark().session();
            List<SpaceTimeLayer> bands =
                    SceneSeries.readBands(spark, sources, dating.sceneDating(), range.from(), range.until(), ts);
            SpaceTimeLayerStore store = SpaceTimeLayerStore.open(spark, catalog, backend.backend());
            LayerWriter.Result r = bands.size() == 1
                    ? store.write(id, bands.get(0), resolution, overwrite.overwrite)
                    : store.writeMultiband(id, MultibandSpaceTimeLayer.of(bands), resolution, overwrite.overwrite);
            TileLayerMetadata md = bands.get(0).metadata();
            PrintWriter o = spec.commandLine().getOut();
            o.printf(
                    Locale.ROOT,
                    "wrote %s in %s: %d tile(s) of %dx%d %s, %d band(s), time %s, %d file(s), zorder index by %s, %.1f s%n",
                    id,
                    store.catalog().uri(),
                    r.tiles(),
                    md.layout().tileCols(),
                    md.layout().tileRows(),
                    md.cellType().name(),
                    bands.size(),
                    bands.get(0).time(),
                    r.files(),
                    timeResolution.toLowerCase(Locale.ROOT),
                    (System.nanoTime() - start) / 1e9);
            o.flush();
            return 0;
        }

        private KeyIndexMethod method() {
            try {
                return KeyIndexMethod.parse(index);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }

        /** Writes (or replaces, or updates) one layer of {@code layers}' bands and prints a line about it. */
        private void write(LayerWriter writer, LayerId id, List<TileLayer> layers, KeyIndexMethod method, long start)
                throws IOException {
            int bands = layers.size();
            LayerWriter.Result r;
            if (bands == 1) {
                TileLayer l = layers.get(0);
                r = update
                        ? writer.update(id, l)
                        : overwrite.overwrite ? writer.replace(id, l, method) : writer.write(id, l, method);
            } else {
                MultibandLayer mb = MultibandLayer.of(layers);
                r = update
                        ? writer.updateMultiband(id, mb, (a, b) -> b)
                        : overwrite.overwrite
                                ? writer.replaceMultiband(id, mb, method)
                                : writer.writeMultiband(id, mb, method);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            TileLayerMetadata md = layers.get(0).metadata();
            PrintWriter o = spec.commandLine().getOut();
            o.printf(
                    Locale.ROOT,
                    "%s %s in %s: %d tile(s) of %dx%d %s, %d band(s), %d file(s), %s index, %.1f s%n",
                    update ? "updated" : "wrote",
                    id,
                    writer.catalog().uri(),
                    r.tiles(),
                    md.layout().tileCols(),
                    md.layout().tileRows(),
                    md.cellType().name(),
                    bands,
                    r.files(),
                    method.name().toLowerCase(Locale.ROOT),
                    seconds);
            o.flush();
        }
    }

    @Command(
            name = "read",
            mixinStandardHelpOptions = true,
            description = "Read a layer (or the tiles meeting --extent) into a GeoTIFF/COG covering its tiles.")
    static final class Read extends Sub {
        @Parameters(index = "0", paramLabel = "CATALOG", description = "catalog directory or URI")
        String catalog;

        @Parameters(index = "1", paramLabel = "OUT", description = "output GeoTIFF")
        String out;

        @Mixin
        LayerNameOptions layerName;

        @Option(
                names = "--extent",
                paramLabel = "XMIN,YMIN,XMAX,YMAX",
                split = ",",
                description = "read only the tiles meeting this extent (layer CRS)")
        List<Double> extent;

        @Mixin
        BackendOption backend;

        @Mixin
        TimeRangeOptions range;

        @Mixin
        OutputOptions output;

        @Override
        public Integer call() throws IOException {
            Extent query = null;
            if (extent != null) {
                if (extent.size() != 4) {
                    throw usage("--extent needs XMIN,YMIN,XMAX,YMAX");
                }
                try {
                    query = new Extent(extent.get(0), extent.get(1), extent.get(2), extent.get(3));
                } catch (RuntimeException e) {
                    throw usage("--extent: " + e.getMessage());
                }
            }
            long start = System.nanoTime();
            SparkSession spark = parent.parent.spark().session();
            LayerReader reader = LayerReader.open(spark, catalog, backend.backend());
            LayerId id = layerName.id(null);
            LayerAttributes a = reader.attributes(id);
            TileLayerMetadata lmd = a.metadata();
            if (lmd.layout().tileCols() != lmd.layout().tileRows()) {
                throw new IllegalArgumentException(id + " has " + lmd.layout().tileCols() + "x"
                        + lmd.layout().tileRows() + " tiles; GeoTIFF output needs square tiles");
            }
            output.block = lmd.layout().tileCols();
            GeoTiffWriteOptions options = output.toWriteOptions(lmd.cellType());
            KeyBounds q = query == null ? null : LayerReader.keyBounds(lmd, query);
            if (a.spaceTime()) {
                return readSpaceTime(spark, id, q, options, start);
            }
            if (range.start != null || range.end != null) {
                throw usage("--start/--end: " + id + " is a spatial layer (no time)");
            }
            List<TileLayer> bands = new ArrayList<>();
            if (a.schema() == TileSchema.TILE) {
                bands.add(toRaster(q == null ? reader.read(id) : reader.read(id, q)));
            } else {
                MultibandLayer mb = q == null ? reader.readMultiband(id) : reader.readMultiband(id, q);
                for (int b = 0, n = mb.bandCount(); b < n; b++) {
                    bands.add(toRaster(mb.band(b)));
                }
            }
            if (!(bands.get(0).metadata().bounds() instanceof KeyBounds)) {
                throw new IllegalArgumentException(id + ": no tiles meet the extent " + query);
            }
            LayerGeoTiffWriter.Result r =
                    LayerGeoTiffWriter.write(bands, LayerGeoTiffWriter.describe(bands), out, options);
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter o = spec.commandLine().getOut();
            o.printf(
                    Locale.ROOT,
                    "read %s → %s: %dx%d %s, %d band(s), %d level(s), %.1f s%n",
                    id,
                    r.target(),
                    r.width(),
                    r.height(),
                    lmd.cellType().name(),
                    r.bandCount(),
                    r.levels(),
                    seconds);
            o.flush();
            return 0;
        }

        /** A space-time layer: one GeoTIFF per scene in {@code --start/--end}, {@code OUT} suffixed with its instant. */
        private Integer readSpaceTime(
                SparkSession spark, LayerId id, KeyBounds q, GeoTiffWriteOptions options, long start)
                throws IOException {
            SpaceTimeLayerStore store = SpaceTimeLayerStore.open(spark, catalog, backend.backend());
            TemporalBounds when = TemporalBounds.halfOpen(range.from(), range.until());
            MultibandSpaceTimeLayer layer = store.attributes(id).schema().multiband()
                    ? store.readMultiband(id, q, when)
                    : MultibandSpaceTimeLayer.of(List.of(store.read(id, q, when)));
            List<Long> instants = layer.instants();
            if (instants.isEmpty()) {
                throw new IllegalArgumentException(
                        id + ": no tiles in " + layer.time() + (q == null ? "" : " meeting the extent"));
            }
            int bandCount = layer.bandCount();
            PrintWriter o = spec.commandLine().getOut();
            for (long t : instants) {
                MultibandLayer scene = layer.at(t);
                List<TileLayer> bands = new ArrayList<>();
                for (int b = 0; b < bandCount; b++) {
                    bands.add(toRaster(scene.band(b)));
                }
                LayerGeoTiffWriter.Result r = LayerGeoTiffWriter.write(
                        bands,
                        LayerGeoTiffWriter.describe(bands),
                        SeriesOutputs.suffixed(out, SeriesOutputs.instant(t)),
                        options);
                o.printf(
                        Locale.ROOT,
                        "read %s at %s → %s: %dx%d %s, %d band(s), %d level(s)%n",
                        id,
                        Instant.ofEpochMilli(t),
                        r.target(),
                        r.width(),
                        r.height(),
                        layer.metadata().cellType().name(),
                        r.bandCount(),
                        r.levels());
            }
            o.printf(
                    Locale.ROOT,
                    "read %d scene(s) of %s in %.1f s%n",
                    instants.size(),
                    id,
                    (System.nanoTime() - start) / 1e9);
            o.flush();
            return 0;
        }

        /**
         * The layer re-keyed onto the layout of its key bounds (origin at the min key's corner), so the
         * GeoTIFF covers the layer's tiles, not the whole layout (a zoomed layout spans the world).
         */
        static TileLayer toRaster(TileLayer layer) {
            TileLayerMetadata md = layer.metadata();
            if (!(md.bounds() instanceof KeyBounds kb)) {
                return layer;
            }
            LayoutDefinition l = md.layout();
            if (kb.minKey().equals(new SpatialKey(0, 0))
                    && kb.maxKey().col() == l.layoutCols() - 1
                    && kb.maxKey().row() == l.layoutRows() - 1) {
                return layer;
            }
            Extent e = l.mapTransform().boundsToExtent(kb.toGridBounds());
            int w = kb.maxKey().col() - kb.minKey().col() + 1;
            int h = kb.maxKey().row() - kb.minKey().row() + 1;
            LayoutDefinition nl = new LayoutDefinition(e, new TileLayout(w, h, l.tileCols(), l.tileRows()));
            Extent data = md.extent().intersection(e).orElse(e);
            int c0 = kb.minKey().col();
            int r0 = kb.minKey().row();
            TileLayerMetadata nmd = new TileLayerMetadata(
                    md.cellType(),
                    nl,
                    data,
                    md.crs(),
                    new KeyBounds(new SpatialKey(0, 0), new SpatialKey(w - 1, h - 1)));
            return TileLayers.fromRdd(
                    layer.rdd()
                            .mapToPair(kv -> new Tuple2<>(
                                    new SpatialKey(kv._1().col() - c0, kv._1().row() - r0), kv._2())),
                    nmd);
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List a catalog's layers: name, zoom, cell type, tiles, key index.")
    static final class ListLayers extends Sub {
        @Parameters(index = "0", paramLabel = "CATALOG", description = "catalog directory or URI")
        String catalog;

        @Mixin
        BackendOption backend;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Catalog c = Catalog.open(catalog, parent.parent.settings().hadoopConfiguration(), backend.backend());
            PrintWriter o = spec.commandLine().getOut();
            for (LayerId id : c.layerIds()) {
                LayerAttributes a = c.readAttributes(id);
                TileLayerMetadata md = a.metadata();
                String bounds = md.bounds() instanceof KeyBounds kb
                        ? kb.minKey().col() + "," + kb.minKey().row() + " - "
                                + kb.maxKey().col() + "," + kb.maxKey().row()
                        : "empty";
                o.printf(
                        Locale.ROOT,
                        "%s\t%d\t%s\t%s\t%dx%d tiles of %dx%d\tkeys %s\t%s%s%n",
                        id.name(),
                        id.zoom(),
                        md.cellType().name(),
                        a.schema().multiband() ? "MultibandTile" : "Tile",
                        md.layout().layoutCols(),
                        md.layout().layoutRows(),
                        md.layout().tileCols(),
                        md.layout().tileRows(),
                        bounds,
                        a.keyIndex().type(),
                        a.spaceTime() ? "\ttime " + a.time() : "");
            }
            o.flush();
            return 0;
        }
    }
}
