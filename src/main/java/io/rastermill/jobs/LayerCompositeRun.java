package io.rastermill.jobs;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.layout.TemporalBounds;
import io.rastermill.core.temporal.TemporalReducer;
import io.rastermill.core.temporal.TimeWindow;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layerstore.MultibandSpaceTimeLayer;
import io.rastermill.spark.layerstore.SpaceTimeLayerStore;
import io.rastermill.spark.temporal.LayerComposite;
import io.rastermill.spark.write.LayerGeoTiffWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code composite --layer CATALOG --name N}: the scenes of a stored space-time layer (in {@code --start/--end}) reduced
 * on the layer's own grid, once or per {@code --window}; of a multiband layer every band, or those {@code -b} picks, as
 * for scene files. {@code --mask}, which reads scene files' raw bands before warping, is refused.
 */
final class LayerCompositeRun {
    private final CompositeCommand c;
    private final TemporalReducer reducer;
    private final TimeWindow windows;

    LayerCompositeRun(CompositeCommand command, TemporalReducer reducer, TimeWindow windows) {
        this.c = command;
        this.reducer = reducer;
        this.windows = windows;
    }

    Integer run(long started) throws IOException {
        if (c.files.size() != 1) {
            throw c.usage("with --layer the only file is the output GeoTIFF, got " + c.files.size() + " files");
        }
        c.layerName.name("--layer needs --name (and --zoom if not 0)");
        if (c.mask != null) {
            throw c.usage("--mask is evaluated over scene files' raw bands before warping; with --layer, reduce"
                    + " the layer's bands (-b) or mask them in SQL (rm_calc over LayerFrames)");
        }
        LayerId id = c.layerName.id(0);
        String out = c.files.get(0);
        TemporalBounds when = TemporalBounds.halfOpen(c.range.from(), c.range.until());
        SparkSession spark = c.parent.spark().session();
        SpaceTimeLayerStore store = SpaceTimeLayerStore.open(spark, c.layer, null);
        MultibandSpaceTimeLayer layer = store.attributes(id).schema().multiband()
                ? store.readMultiband(id, null, when)
                : MultibandSpaceTimeLayer.of(List.of(store.read(id, null, when)));
        List<Long> instants = layer.instants();
        if (instants.isEmpty()) {
            throw new IllegalArgumentException(
                    "composite: " + id + " in " + c.layer + " has no scene in " + layer.time());
        }
        int[] selected = c.selectedBands(layer.bandCount());
        if (selected.length > 1) {
            layer = new MultibandSpaceTimeLayer(
                    layer.rdd().persist(StorageLevel.MEMORY_AND_DISK()), layer.metadata(), layer.time());
        }
        if (windows == null) {
            write(layer, selected, instants, out, started);
            return 0;
        }
        List<Instant> times = instants.stream().map(Instant::ofEpochMilli).toList();
        for (Instant w : windows.starts(times)) {
            long end = windows.end(w).toEpochMilli() - 1;
            List<Long> inside = instants.stream()
                    .filter(t -> t >= w.toEpochMilli() && t <= end)
                    .toList();
            write(
                    layer.filter(null, new TemporalBounds(inside.get(0), inside.get(inside.size() - 1))),
                    selected,
                    inside,
                    SeriesOutputs.suffixed(out, windows.label(w)),
                    System.nanoTime());
        }
        return 0;
    }

    /**
     * One composite of {@code layer}'s scenes (at {@code instants}, sorted) into {@code out}: each selected band reduced,
     * output band = selected band × reducer band, as for scene files.
     */
    private void write(MultibandSpaceTimeLayer layer, int[] selected, List<Long> instants, String out, long started)
            throws IOException {
        CellType ct = c.grid.cellType(reducer.defaultCellType(layer.metadata().cellType()));
        int tile = layer.metadata().layout().tileCols();
        if (tile != layer.metadata().layout().tileRows()) {
            throw new IllegalArgumentException("composite: the layer's tiles are " + tile + "x"
                    + layer.metadata().layout().tileRows() + "; GeoTIFF output needs square tiles");
        }
        c.output.block = tile;
        GeoTiffWriteOptions options = c.output.toWriteOptions(ct);
        SparkContext sc = c.parent.spark().session().sparkContext();
        sc.setJobGroup(
                "rastermill composite",
                "composite " + reducer + " of " + instants.size() + " scene(s) → write " + out,
                false);
        LayerGeoTiffWriter.Result r;
        try {
            List<TileLayer> bands = new ArrayList<>();
            for (int b : selected) {
                for (TileLayer band : LayerComposite.reduce(layer.band(b), reducer, ct, instants.get(0))) {
                    bands.add(LayerCommand.Read.toRaster(band));
                }
            }
            r = LayerGeoTiffWriter.write(bands, LayerGeoTiffWriter.describe(bands), out, options);
        } finally {
            sc.clearJobGroup();
        }
        PrintWriter o = c.spec.commandLine().getOut();
        o.printf(
                Locale.ROOT,
                "composite: wrote %s (%s of %d scene(s) %s .. %s, %dx%d, %d band(s) %s) in %.1f s%n",
                r.target(),
                reducer,
                instants.size(),
                Instant.ofEpochMilli(instants.get(0)),
                Instant.ofEpochMilli(instants.get(instants.size() - 1)),
                r.width(),
                r.height(),
                r.bandCount(),
                ct.name(),
                (System.nanoTime() - started) / 1e9);
        o.flush();
    }
}
