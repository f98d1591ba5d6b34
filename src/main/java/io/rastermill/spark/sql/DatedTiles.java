package io.rastermill.spark.sql;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.temporal.SceneDates;
import io.rastermill.core.temporal.TemporalReducer;
import io.rastermill.core.temporal.TileSeries;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBytes;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The buffer of the time-series aggregates: a group's tiles (in the compact {@link TileBytes} form) with their times,
 * and the reducer the group's rows named. The core accumulators reduce a series in time order and do not merge, so
 * partial buffers only collect and merging concatenates; {@link #reduce} then sorts by time and streams the tiles
 * through one {@link TileSeries}, exactly as {@code LayerComposite} does for a key. Memory: the group's encoded tiles,
 * which the exact median needs anyway. Public only because Spark's serialization encoder takes public classes; its
 * members are the package's.
 */
public final class DatedTiles implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<byte[]> tiles = new ArrayList<>();
    /** Per tile its time; null for the untimed {@code rm_composite}, whose reducers do not depend on the order. */
    private final List<Instant> times = new ArrayList<>();

    private String reducerText;
    private TemporalReducer reducer;
    /** The result's cell type if the group's rows name one ({@code rm_composite_as}); else the reducer's default. */
    private String cellTypeText;

    private CellType cellType;

    /**
     * Checks that a row names the group's reducer (parsed on the first row).
     *
     * @param allowed checks the parsed reducer against the function, throwing an error that names it
     * @throws IllegalArgumentException naming the function and the reducer text
     */
    void reducer(String function, String text, Consumer<TemporalReducer> allowed) {
        if (text == null) {
            throw new IllegalArgumentException(function + ": the reducer is NULL; name one: median, mean, min, max,"
                    + " count, first, last or pNN");
        }
        if (text.equals(reducerText)) {
            return;
        }
        requireOne(function + ": ", "reducer", reducerText, text);
        TemporalReducer r;
        try {
            r = TemporalReducer.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(function + ": " + e.getMessage(), e);
        }
        allowed.accept(r);
        reducerText = text;
        reducer = r;
    }

    /**
     * Checks that a row names the group's result cell type (parsed on the first row).
     *
     * @throws IllegalArgumentException naming the function and the text
     */
    void cellType(String function, String text) {
        if (text == null) {
            throw new IllegalArgumentException(function + ": the cell type is NULL; name one, e.g. 'uint16'");
        }
        if (text.equals(cellTypeText)) {
            return;
        }
        requireOne(function + ": ", "cell type", cellTypeText, text);
        try {
            cellType = CellType.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(function + ": " + e.getMessage(), e);
        }
        cellTypeText = text;
    }

    TemporalReducer reducer() {
        return reducer;
    }

    void add(byte[] tile, Instant time) {
        tiles.add(tile);
        times.add(time);
    }

    /** Both groups' tiles; {@code other} is not used afterwards. */
    DatedTiles merge(DatedTiles other) {
        if (other.reducerText != null) {
            requireOne("", "reducer", reducerText, other.reducerText);
            reducerText = other.reducerText;
            reducer = other.reducer;
        }
        if (other.cellTypeText != null) {
            requireOne("", "cell type", cellTypeText, other.cellTypeText);
            cellTypeText = other.cellTypeText;
            cellType = other.cellType;
        }
        tiles.addAll(other.tiles);
        times.addAll(other.times);
        return this;
    }

    /**
     * Throws unless {@code held} is unset or equals {@code text}: a group's rows name one {@code what}.
     *
     * @param prefix starts the message (the SQL function's name, or nothing when two partial groups meet)
     */
    private static void requireOne(String prefix, String what, String held, String text) {
        if (held != null && !held.equals(text)) {
            throw new IllegalArgumentException(
                    prefix + "one " + what + " per group, got '" + held + "' and '" + text + "'");
        }
    }

    boolean isEmpty() {
        return tiles.isEmpty();
    }

    /**
     * The tiles reduced per cell in time order (ties and untimed tiles in arrival order) into the group's cell type,
     * else the reducer's default over the earliest tile's, as the Java API's default; trend's days count from the earliest time.
     *
     * @throws IllegalArgumentException naming the function and the tile's time if the tiles' sizes differ
     */
    Tile[] reduce(TemporalReducer by, String function) {
        Integer[] order = new Integer[tiles.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (times.get(0) != null) {
            Arrays.sort(order, Comparator.comparing(times::get));
        }
        Instant origin = times.get(order[0]);
        Tile first = TileBytes.decode(tiles.get(order[0]));
        CellType out = cellType != null ? cellType : by.defaultCellType(first.cellType());
        TileSeries series = new TileSeries(by, out, first.cols(), first.rows());
        for (int i : order) {
            Instant t = times.get(i);
            Tile tile = i == order[0] ? first : TileBytes.decode(tiles.get(i));
            series.add(tile, t == null ? 0 : SceneDates.days(t, origin), function + " tile " + (t == null ? i : t));
        }
        return series.result();
    }
}
