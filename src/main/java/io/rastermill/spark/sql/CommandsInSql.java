package io.rastermill.spark.sql;

import java.util.List;

/**
 * Which SQL functions compute what each {@code rastermill} command computes, and the commands SQL leaves out with
 * the reason why. The generated page shows this table; a test in the jobs package fails when a command is in neither
 * list or names a function the catalog lacks, so a new command cannot silently stay out of SQL.
 */
public final class CommandsInSql {
    private static final String ROUTING =
            "a cell's value depends on cells anywhere upstream (whole-raster routing graph), not on its tile";

    /**
     * One command: the SQL functions that compute what it computes, or, when there are none, why not.
     *
     * @param command   the command's name, as {@code rastermill --help} lists it
     * @param functions the {@code rm_*} functions; empty when the command is left out
     * @param without   why the command has no SQL function; null when it has some
     */
    public record Entry(String command, List<String> functions, String without) {
        public Entry {
            functions = List.copyOf(functions);
            if (functions.isEmpty() == (without == null || without.isBlank())) {
                throw new IllegalArgumentException(
                        command + ": give either SQL functions or the reason there are none");
            }
        }
    }

    private CommandsInSql() {}

    private static Entry sql(String command, String... functions) {
        return new Entry(command, List.of(functions), null);
    }

    private static Entry without(String command, String reason) {
        return new Entry(command, List.of(), reason);
    }

    /** Every command, in {@code rastermill --help}'s order. */
    public static List<Entry> all() {
        return List.of(
                without("config", "prints and checks the launcher's settings; no raster computation"),
                without(
                        "info",
                        "reads a file's header; the frame's tiles tell their own type and size (rm_cell_type, rm_cols, rm_rows)"),
                without("clean", "deletes the launcher's temporary files; no raster computation"),
                without(
                        "translate",
                        "re-encodes a file (compression, blocks, COG layout, overviews): storage, not cell values"),
                sql("slope", "rm_slope", "rm_slope_with"),
                sql("aspect", "rm_aspect", "rm_aspect_with"),
                sql("hillshade", "rm_hillshade", "rm_hillshade_with"),
                sql("tpi", "rm_tpi", "rm_tpi_with"),
                sql("tri", "rm_tri", "rm_tri_wilson", "rm_tri_with"),
                sql("roughness", "rm_roughness", "rm_roughness_with"),
                sql("focal", "rm_focal", "rm_focal_with"),
                sql(
                        "stats",
                        "rm_agg_stats",
                        "rm_agg_percentiles",
                        "rm_agg_percentiles_over",
                        "rm_agg_histogram",
                        "rm_agg_histogram_over"),
                sql("calc", "rm_calc", "rm_calc_as"),
                sql("reclass", "rm_reclass", "rm_reclass_as"),
                sql(
                        "zonal",
                        "rm_agg_zonal",
                        "rm_agg_zonal_percentiles",
                        "rm_agg_zonal_percentiles_over",
                        "rm_agg_polygon_stats",
                        "rm_agg_polygon_percentiles",
                        "rm_agg_polygon_percentiles_over"),
                without("fill", "priority-flood filling: a depression can span any number of tiles"),
                without("flowdir", "flats drain along shortest paths that cross tiles, over the filled DEM"),
                without("flowacc", ROUTING),
                without("basins", ROUTING),
                without("watershed", ROUTING),
                without("streams", "thresholds flow accumulation, whose cells depend on cells anywhere upstream"),
                without("hydrology", "fill, flowdir, flowacc and basins in one job; see each"),
                without(
                        "layer",
                        "stores and reads layer stores; a stored layer becomes a frame with LayerFrames.toDataFrame"),
                sql("warp", "rm_warp"),
                without("tiles", "writes a PNG pyramid of files; each level's cells are a warp (rm_warp)"),
                sql("composite", "rm_composite", "rm_composite_timed", "rm_composite_as", "rm_trend"),
                without("demo", "writes a sample DEM and runs slope, hillshade and stats, each of which SQL has"));
    }

    /** The page's section: one row per command. */
    static String markdown() {
        StringBuilder b = new StringBuilder("\n## Commands and their SQL functions\n\n")
                .append("| command | SQL functions |\n")
                .append("|---|---|\n");
        for (Entry e : all()) {
            b.append("| `").append(e.command()).append("` | ");
            if (e.without() == null) {
                b.append('`').append(String.join("`, `", e.functions())).append('`');
            } else {
                b.append("none: ").append(e.without().replace("|", "\\|"));
            }
            b.append(" |\n");
        }
        return b.toString();
    }
}
