package io.rastermill.spark.layer;

import io.rastermill.core.calc.CalcExpression;
import io.rastermill.core.calc.CalcProgram;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.tile.ConstantTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import scala.Tuple2;
import scala.Tuple3;

/**
 * Map algebra over layers: a {@link CalcExpression} evaluated tile by tile over several layers on one
 * pixel grid, e.g. NDVI from a red and a near-infrared layer.
 *
 * <p>On the driver, before any Spark stage: the expression is compiled against the inputs' cell
 * types (unknown names and type errors are refused) and every input's grid is compared with the
 * first's — CRS, cell size, pixel alignment and extent must agree (resampling is not supported) —
 * and the refusal names both inputs and what differs. Inputs on the same grid but another tile
 * layout (tile size, layout origin) are retiled onto the first input's layout with one shuffle.
 *
 * <p>On executors, inputs read straight from files on one layout (the same keys and partitioner) are
 * read together, key by key in one task; other inputs are joined by key (co-partitioned layers need
 * no shuffle, but a partition's tiles are grouped in memory). Each partition evaluates its tiles
 * with one {@link CalcProgram.Evaluator}, reusing its lane buffers. A key missing from some input is
 * evaluated with a NoData tile for that input.
 */
public final class LayerCalc {
    /** Relative tolerance on cell sizes, and on alignment and extents in pixels. */
    private static final double TOLERANCE = 1e-6;

    private LayerCalc() {}

    /** One input: its name in the expression, where it came from (for messages), its layer. */
    public record Input(String name, String source, TileLayer layer) {
        public Input {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(layer, "layer");
        }

        String label() {
            return source.equals(name) ? name : name + " (" + source + ")";
        }
    }

    /** Compiles {@code expression} against the inputs' cell types; nothing runs. */
    public static CalcProgram compile(CalcExpression expression, List<Input> inputs) {
        Map<String, CellType> types = new LinkedHashMap<>();
        for (Input in : inputs) {
            if (types.put(in.name(), in.layer().metadata().cellType()) != null) {
                throw new IllegalArgumentException("calc: input " + in.name() + " is given twice");
            }
        }
        return expression.compile(types);
    }

    /** {@code expression} over {@code inputs}, into the expression's default cell type. */
    public static TileLayer calc(CalcExpression expression, List<Input> inputs) {
        CalcProgram program = compile(expression, inputs);
        return run(program, inputs, program.defaultCellType());
    }

    /** {@code expression} over {@code inputs}, stored as {@code resultType}. */
    public static TileLayer calc(CalcExpression expression, List<Input> inputs, CellType resultType) {
        return run(compile(expression, inputs), inputs, Objects.requireNonNull(resultType, "resultType"));
    }

    /** A compiled program over {@code inputs} (in the program's input order), stored as {@code resultType}. */
    public static TileLayer run(CalcProgram program, List<Input> inputs, CellType resultType) {
        if (inputs.size() != program.inputNames().size()) {
            throw new IllegalArgumentException(
                    "calc: the program takes " + program.inputNames().size() + " inputs, got " + inputs.size());
        }
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!inputs.get(i).name().equals(program.inputNames().get(i))) {
                throw new IllegalArgumentException(
                        "calc: input " + i + " is " + inputs.get(i).name() + " but the program expects "
                                + program.inputNames().get(i));
            }
            if (program.uses(i)) {
                used.add(i);
            }
        }
        if (used.isEmpty()) {
            throw new IllegalArgumentException("calc \"" + program.expression() + "\" uses none of its inputs");
        }
        Input first = inputs.get(used.get(0));
        for (Input in : inputs) {
            String d = gridDifference(first.layer(), in.layer());
            if (d != null) {
                throw new IllegalArgumentException("calc: cannot combine " + in.label() + " with " + first.label()
                        + ": " + d + " (resampling is not supported)");
            }
        }
        TileLayer base = first.layer();
        Partitioner p = base.partitioner();
        RasterGrid grid = base.grid();
        int n = inputs.size();
        CellType[] types = new CellType[n];
        for (int i : used) {
            types[i] = inputs.get(i).layer().metadata().cellType();
        }
        int tileCols = grid.tileCols();
        int tileRows = grid.tileRows();
        CellType ct = resultType;
        JavaPairRDD<SpatialKey, Tile[]> together = readTogether(inputs, used, base);
        JavaPairRDD<SpatialKey, Tile> out;
        if (together != null) {
            int[] slots = used.stream().mapToInt(Integer::intValue).toArray();
            out = together.mapPartitionsToPair(it -> evaluate(it, program, slots, n, ct), true);
        } else {
            out = joined(inputs, used, base)
                    .mapPartitionsToPair(it -> evaluate(it, program, types, tileCols, tileRows, ct), true);
        }
        TileLayerMetadata md = base.metadata().withCellType(resultType);
        RasterGrid g = grid.withCellType(resultType);
        return new TileLayer(md, g, new LayerBase.FromRdd(out, g, p), new FocalChain(List.of()));
    }

    /**
     * The used inputs' tiles read together key by key, when they all come straight from files with the
     * base's layout, keys and partitioner (the common case: bands of one scene); otherwise null. No join:
     * a partition's tiles are never held together in memory.
     */
    private static JavaPairRDD<SpatialKey, Tile[]> readTogether(
            List<Input> inputs, List<Integer> used, TileLayer base) {
        List<LayerBase.FromFiles> files = new ArrayList<>();
        for (int i : used) {
            TileLayer layer = inputs.get(i).layer();
            LayerBase.FromFiles f = layer.files();
            if (f == null
                    || !sameLayout(base, layer)
                    || (!files.isEmpty() && !files.get(0).sameKeys(f))) {
                return null;
            }
            files.add(f);
        }
        return files.get(0).tilesWith(files.subList(1, files.size()));
    }

    /** The used inputs joined by key, each tile tagged with its input's index (one shuffle per retiled input). */
    private static JavaPairRDD<SpatialKey, Iterable<Tuple2<Integer, Tile>>> joined(
            List<Input> inputs, List<Integer> used, TileLayer base) {
        Partitioner p = base.partitioner();
        JavaPairRDD<SpatialKey, Tuple2<Integer, Tile>> all = null;
        for (int i : used) {
            TileLayer layer = inputs.get(i).layer();
            if (!sameLayout(base, layer)) {
                layer = retile(layer, base);
            }
            JavaPairRDD<SpatialKey, Tile> rdd = layer.rdd();
            if (!p.equals(layer.partitioner())) {
                rdd = rdd.partitionBy(p);
            }
            final int index = i;
            JavaPairRDD<SpatialKey, Tuple2<Integer, Tile>> tagged = rdd.mapValues(t -> new Tuple2<>(index, t));
            // union of RDDs with one partitioner keeps it, so the grouping below needs no shuffle
            all = all == null ? tagged : all.union(tagged);
        }
        return all.groupByKey(p);
    }

    /** Evaluates tiles read together: {@code read[j]} is input {@code slots[j]}'s tile (of {@code n} inputs). */
    private static Iterator<Tuple2<SpatialKey, Tile>> evaluate(
            Iterator<Tuple2<SpatialKey, Tile[]>> it, CalcProgram program, int[] slots, int n, CellType resultType) {
        CalcProgram.Evaluator ev = program.newEvaluator();
        Tile[] tiles = new Tile[n];
        List<Tile> view = Arrays.asList(tiles);
        return TileLayer.eachTile(it, (key, read) -> {
            for (int j = 0; j < slots.length; j++) {
                tiles[slots[j]] = read[j];
            }
            return evaluated(key, ev, view, resultType);
        });
    }

    private static Tile evaluated(SpatialKey key, CalcProgram.Evaluator ev, List<Tile> tiles, CellType resultType) {
        try {
            return ev.evaluate(tiles, resultType);
        } catch (RuntimeException e) {
            throw new IllegalStateException("calc, tile " + key + ": " + e.getMessage(), e);
        }
    }

    /** Evaluates joined tiles: each tagged with its input's index; a missing input's tile is NoData. */
    private static Iterator<Tuple2<SpatialKey, Tile>> evaluate(
            Iterator<Tuple2<SpatialKey, Iterable<Tuple2<Integer, Tile>>>> it,
            CalcProgram program,
            CellType[] types,
            int tileCols,
            int tileRows,
            CellType resultType) {
        CalcProgram.Evaluator ev = program.newEvaluator();
        return TileLayer.eachTile(it, (key, tagged) -> {
            Tile[] tiles = new Tile[types.length];
            for (Tuple2<Integer, Tile> t : tagged) {
                tiles[t._1()] = t._2();
            }
            for (int i = 0; i < tiles.length; i++) {
                if (tiles[i] == null && types[i] != null) {
                    tiles[i] = ConstantTile.noData(types[i], tileCols, tileRows);
                }
            }
            return evaluated(key, ev, Arrays.asList(tiles), resultType);
        });
    }

    // ------------------------------------------------------------------ grids

    private static boolean sameLayout(TileLayer a, TileLayer b) {
        return a.metadata().layout().equals(b.metadata().layout());
    }

    /**
     * What makes {@code b}'s pixel grid differ from {@code a}'s (CRS, cell size, alignment, extent), or
     * null if they are the same grid (the tile layouts may still differ).
     */
    static String gridDifference(TileLayer a, TileLayer b) {
        TileLayerMetadata ma = a.metadata();
        TileLayerMetadata mb = b.metadata();
        if (!Objects.equals(ma.crs(), mb.crs())) {
            return "CRS " + crsName(mb) + " vs " + crsName(ma);
        }
        LayoutDefinition la = ma.layout();
        LayoutDefinition lb = mb.layout();
        double cw = la.cellSize().width();
        double ch = la.cellSize().height();
        if (!close(lb.cellSize().width(), cw) || !close(lb.cellSize().height(), ch)) {
            return String.format(
                    Locale.ROOT,
                    "cell size %s x %s vs %s x %s",
                    lb.cellSize().width(),
                    lb.cellSize().height(),
                    cw,
                    ch);
        }
        double dx = (lb.extent().xmin() - la.extent().xmin()) / cw;
        double dy = (la.extent().ymax() - lb.extent().ymax()) / ch;
        if (Math.abs(dx - Math.rint(dx)) > TOLERANCE || Math.abs(dy - Math.rint(dy)) > TOLERANCE) {
            return String.format(Locale.ROOT, "pixels are not aligned (offset %.6g, %.6g pixels)", dx, dy);
        }
        var ea = ma.extent();
        var eb = mb.extent();
        if (Math.abs(ea.xmin() - eb.xmin()) > TOLERANCE * cw
                || Math.abs(ea.xmax() - eb.xmax()) > TOLERANCE * cw
                || Math.abs(ea.ymin() - eb.ymin()) > TOLERANCE * ch
                || Math.abs(ea.ymax() - eb.ymax()) > TOLERANCE * ch) {
            return String.format(
                    Locale.ROOT,
                    "extent %s, %s, %s, %s (%d x %d pixels) vs %s, %s, %s, %s (%d x %d pixels)",
                    eb.xmin(),
                    eb.ymin(),
                    eb.xmax(),
                    eb.ymax(),
                    b.cols(),
                    b.rows(),
                    ea.xmin(),
                    ea.ymin(),
                    ea.xmax(),
                    ea.ymax(),
                    a.cols(),
                    a.rows());
        }
        return null;
    }

    private static String crsName(TileLayerMetadata md) {
        if (md.crs() == null) {
            return "none";
        }
        return md.crs().epsgCode().isPresent()
                ? "EPSG:" + md.crs().epsgCode().getAsInt()
                : md.crs().toString();
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    /**
     * {@code src}'s cells cut onto {@code target}'s layout (same grid, per {@link #gridDifference}):
     * each source tile is split into the pieces that fall in target tiles, which are grouped by target
     * key and pasted into NoData tiles. One shuffle.
     */
    static TileLayer retile(TileLayer src, TileLayer target) {
        RasterGrid sg = src.grid();
        RasterGrid tg = target.grid();
        LayoutDefinition sl = src.metadata().layout();
        LayoutDefinition tl = target.metadata().layout();
        long dx = Math.round(
                (sl.extent().xmin() - tl.extent().xmin()) / tl.cellSize().width());
        long dy = Math.round(
                (tl.extent().ymax() - sl.extent().ymax()) / tl.cellSize().height());
        int tc = tg.tileCols();
        int tr = tg.tileRows();
        long cols = tg.cols();
        long rows = tg.rows();
        CellType ct = src.metadata().cellType();
        JavaPairRDD<SpatialKey, Tuple3<Integer, Integer, Tile>> pieces = src.innerTiles()
                .flatMapToPair(kv -> {
                    List<Tuple2<SpatialKey, Tuple3<Integer, Integer, Tile>>> out = new ArrayList<>();
                    Tile t = kv._2();
                    long x0 = sg.x0(kv._1()) + dx;
                    long y0 = sg.y0(kv._1()) + dy;
                    long x1 = Math.min(x0 + t.cols() - 1, cols - 1);
                    long y1 = Math.min(y0 + t.rows() - 1, rows - 1);
                    long cx0 = Math.max(x0, 0);
                    long cy0 = Math.max(y0, 0);
                    if (cx0 > x1 || cy0 > y1) {
                        return out.iterator();
                    }
                    for (long tcol = cx0 / tc; tcol <= x1 / tc; tcol++) {
                        for (long trow = cy0 / tr; trow <= y1 / tr; trow++) {
                            long px0 = Math.max(cx0, tcol * tc);
                            long px1 = Math.min(x1, tcol * tc + tc - 1);
                            long py0 = Math.max(cy0, trow * tr);
                            long py1 = Math.min(y1, trow * tr + tr - 1);
                            Tile piece = t.crop((int) (px0 - x0), (int) (py0 - y0), (int) (px1 - x0), (int) (py1 - y0));
                            out.add(new Tuple2<>(
                                    new SpatialKey((int) tcol, (int) trow),
                                    new Tuple3<>((int) (px0 - tcol * tc), (int) (py0 - trow * tr), piece)));
                        }
                    }
                    return out.iterator();
                });
        JavaPairRDD<SpatialKey, Tile> tiles = pieces.groupByKey(target.partitioner())
                .mapValues(ps -> {
                    TileBuilder b = TileBuilder.noData(ct, tc, tr);
                    for (Tuple3<Integer, Integer, Tile> p : ps) {
                        b.paste(p._3(), p._1(), p._2());
                    }
                    return (Tile) b.build();
                });
        TileLayerMetadata md = target.metadata().withCellType(ct);
        RasterGrid g = tg.withCellType(ct);
        return new TileLayer(md, g, new LayerBase.FromRdd(tiles, g, target.partitioner()), new FocalChain(List.of()));
    }
}
