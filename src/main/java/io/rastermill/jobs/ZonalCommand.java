package io.rastermill.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.zonal.GeoJsonZones;
import io.rastermill.core.zonal.ZonalStat;
import io.rastermill.core.zonal.ZoneAccumulator;
import io.rastermill.io.bytes.SmallFiles;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.zonal.ZonalStatistics;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.locationtech.jts.geom.Geometry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rastermill zonal VALUES ZONES} or {@code zonal VALUES --polygons FILE}: statistics of the
 * values per zone — one row per zone id of an integer zone raster on the same grid, or per polygon
 * feature of a GeoJSON file — as mergeable accumulators reduced by key on Spark.
 */
@Command(
        name = "zonal",
        mixinStandardHelpOptions = true,
        description =
                "Zonal statistics: per zone of an integer ZONES raster on the same grid, or per polygon of"
                        + " --polygons FILE (GeoJSON; polygons in another CRS are reprojected). Stats: count, nodata, sum, mean, min, max, stddev,"
                        + " median, pNN (nearest-rank percentiles: exact for integer rasters, within the printed bound for floats).")
final class ZonalCommand extends RastermillSubcommand {

    @Parameters(index = "0", paramLabel = "VALUES", description = "value GeoTIFF(s): a path, URI, directory or glob")
    String values;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "ZONES",
            description = "integer zone GeoTIFF on the same grid (CRS, cell size, extent); NoData cells are in no zone")
    String zones;

    @Option(
            names = "--polygons",
            paramLabel = "FILE",
            description = "zones from a GeoJSON FeatureCollection of (Multi)Polygons instead of a zone raster")
    String polygons;

    @Option(
            names = "--id-field",
            paramLabel = "NAME",
            description =
                    "with --polygons: the property holding each feature's zone id (default: the feature's id member)")
    String idField;

    @Option(
            names = "--polygons-crs",
            paramLabel = "CRS",
            description = "with --polygons: the polygons' CRS (EPSG:n or a PROJ string; default: the file's crs member,"
                    + " else the raster's); polygons in another CRS are reprojected, edges densified to 1e-6 cell")
    String polygonsCrs;

    @Option(
            names = "--all-touched",
            description = "with --polygons: every cell a polygon touches, as gdal_rasterize -at"
                    + " (default: cells whose centre is inside)")
    boolean allTouched;

    @Option(
            names = "--stats",
            paramLabel = "LIST",
            split = ",",
            description = "statistics, in order: count, nodata, sum, mean, min, max, stddev, median, pNN"
                    + " (default: count,sum,mean,min,max,stddev)")
    List<String> stats =
            ZonalStat.DEFAULTS.stream().map(ZonalStat::name).collect(Collectors.toCollection(ArrayList::new));

    @Mixin
    JsonOption json;

    @Option(names = "--csv", paramLabel = "OUT", description = "write CSV to OUT (- for stdout), atomically")
    String csv;

    @Mixin
    BandOption band;

    @Option(
            names = "--float-bins",
            paramLabel = "N",
            defaultValue = "" + ZonalStatistics.Options.DEFAULT_FLOAT_BINS,
            description =
                    "bins per zone for percentiles of float rasters: error <= (max - min)/(2 N) per zone (default: 4096)")
    int floatBins;

    @Mixin
    TileSizeOption tileSize;

    /** A zone's printed name and its accumulator (null when the zone holds no cell). */
    record Row(String zone, ZoneAccumulator acc) {}

    @Override
    public Integer call() throws IOException {
        List<ZonalStat> statNames;
        try {
            statNames = ZonalStat.parseAll(stats);
        } catch (IllegalArgumentException e) {
            throw usage("--stats: " + e.getMessage());
        }
        if ((zones == null) == (polygons == null)) {
            throw usage("give either ZONES (a zone raster) or --polygons FILE");
        }
        if (zones != null && (idField != null || allTouched || polygonsCrs != null)) {
            throw usage("--id-field, --all-touched and --polygons-crs go with --polygons");
        }
        if (json.json && csv != null) {
            throw usage("--json and --csv exclude each other");
        }
        int bandIndex = band.index();
        if (floatBins < 1 || floatBins > 1 << 24) {
            throw usage("--float-bins must be in 1.." + (1 << 24) + ", got " + floatBins);
        }
        int size = tileSize.orElse(parent.tileSize());
        ZonalStatistics.Options options = new ZonalStatistics.Options(ZonalStat.anyPercentile(statNames), floatBins);
        SparkSession spark = parent.spark().session();
        SparkContext sc = spark.sparkContext();
        TileLayers.ReadOptions read = TileLayers.ReadOptions.defaults().withTileSize(size);
        TileLayer layer = TileLayers.readGeoTiffs(spark, List.of(values), read.withBand(bandIndex));
        CellType ct = layer.metadata().cellType();
        List<Row> rows = new ArrayList<>();
        try {
            if (zones != null) {
                sc.setJobGroup("rastermill zonal", "statistics of " + values + " per zone of " + zones, false);
                TileLayer z = TileLayers.readGeoTiffs(spark, List.of(zones), read);
                if (z.metadata().cellType().isFloatingPoint()) {
                    throw new IllegalArgumentException(zones + ": zones must be an integer raster, got "
                            + z.metadata().cellType().name());
                }
                ZonalStatistics.requireSameGrid(layer, values, z, zones);
                SortedMap<Integer, ZoneAccumulator> result = ZonalStatistics.byZoneRaster(layer, z, options);
                result.forEach((id, acc) -> rows.add(new Row(Integer.toString(id), acc)));
            } else {
                sc.setJobGroup("rastermill zonal", "statistics of " + values + " per polygon of " + polygons, false);
                GeoJsonZones.Zones features = readPolygons(spark.sparkContext().hadoopConfiguration());
                List<Geometry> geoms = new ArrayList<>();
                for (GeoJsonZones.Feature f : features.features()) {
                    geoms.add(f.geometry());
                }
                SortedMap<Integer, ZoneAccumulator> result;
                try {
                    result = ZonalStatistics.byPolygons(layer, geoms, polygonCrs(features), allTouched, options);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(polygons + ": " + e.getMessage(), e);
                }
                for (int i = 0; i < features.features().size(); i++) {
                    rows.add(new Row(features.features().get(i).id(), result.get(i)));
                }
            }
        } finally {
            sc.clearJobGroup();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.json) {
            out.println(new ObjectMapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(toJson(ct, statNames, rows)));
        } else if (csv != null) {
            String text = toCsv(statNames, rows);
            if (csv.equals("-")) {
                out.print(text);
            } else {
                SmallFiles.writeAtomically(
                        csv,
                        text.getBytes(StandardCharsets.UTF_8),
                        spark.sparkContext().hadoopConfiguration());
                out.printf(Locale.ROOT, "zonal: wrote %d zone(s) to %s%n", rows.size(), csv);
            }
        } else {
            printTable(out, ct, statNames, rows);
        }
        out.flush();
        return 0;
    }

    private GeoJsonZones.Zones readPolygons(Configuration conf) throws IOException {
        Path p = new Path(polygons);
        FileSystem fs = p.getFileSystem(conf);
        if (!fs.exists(p)) {
            throw new FileNotFoundException(polygons + " (no such file)");
        }
        try (InputStream in = fs.open(p)) {
            GeoJsonZones.Zones z = GeoJsonZones.read(in, polygons, idField);
            if (z.features().isEmpty()) {
                throw new IllegalArgumentException(polygons + ": no features with a geometry");
            }
            return z;
        }
    }

    /**
     * The polygons' CRS: {@code --polygons-crs}, else the file's {@code crs} member, else null (the raster's). A CRS
     * other than the raster's is reprojected into it by {@link ZonalStatistics#byPolygons}.
     */
    private Crs polygonCrs(GeoJsonZones.Zones z) {
        if (polygonsCrs != null) {
            try {
                return Crs.fromString(polygonsCrs);
            } catch (IllegalArgumentException e) {
                throw usage("--polygons-crs: " + e.getMessage());
            }
        }
        if (z.declaredEpsg().isEmpty()) {
            return null;
        }
        try {
            return Crs.epsg(z.declaredEpsg().getAsInt());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(polygons + ": crs " + z.declaredCrs() + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode toJson(CellType ct, List<ZonalStat> statNames, List<Row> rows) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("values", values);
        if (zones != null) {
            root.put("zones", zones);
        } else {
            root.put("polygons", polygons);
            root.put("allTouched", allTouched);
        }
        root.put("cellType", ct.name());
        boolean pct = ZonalStat.anyPercentile(statNames);
        if (pct) {
            root.put("percentileMethod", "nearest-rank (numpy inverted_cdf); median = p50");
            root.put("percentilesExact", !ct.isFloatingPoint());
        }
        ArrayNode arr = root.putArray("rows");
        for (Row r : rows) {
            ObjectNode o = arr.addObject();
            if (zones != null) {
                o.put("zone", Integer.parseInt(r.zone())); // zone raster ids are numbers, polygon ids text
            } else {
                o.put("zone", r.zone());
            }
            for (ZonalStat s : statNames) {
                double v = s.of(r.acc());
                if (s.isCount()) {
                    o.put(s.name(), (long) v);
                } else if (Double.isNaN(v)) {
                    o.putNull(s.name());
                } else {
                    o.put(s.name(), v);
                }
            }
            if (pct && ct.isFloatingPoint()) {
                o.put("percentileMaxError", r.acc() == null ? 0 : r.acc().percentileError());
            }
        }
        return root;
    }

    private String toCsv(List<ZonalStat> statNames, List<Row> rows) {
        StringBuilder b = new StringBuilder("zone");
        for (ZonalStat s : statNames) {
            b.append(',').append(s.name());
        }
        b.append('\n');
        for (Row r : rows) {
            b.append(csvField(r.zone()));
            for (ZonalStat s : statNames) {
                b.append(',').append(format(s, s.of(r.acc()), false));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static String format(ZonalStat stat, double v, boolean table) {
        if (Double.isNaN(v)) {
            return table ? "-" : "";
        }
        if (stat.isCount() || (v == Math.rint(v) && Math.abs(v) < 1e15)) {
            return Long.toString((long) v);
        }
        return table ? String.format(Locale.ROOT, "%.6g", v) : Double.toString(v);
    }

    private void printTable(PrintWriter out, CellType ct, List<ZonalStat> statNames, List<Row> rows) {
        out.printf(
                Locale.ROOT,
                "Zonal statistics of %s (%s) per %s: %d zone(s)%n",
                values,
                ct.name(),
                zones != null ? "zone of " + zones : "polygon of " + polygons + (allTouched ? " (all touched)" : ""),
                rows.size());
        if (ZonalStat.anyPercentile(statNames)) {
            double err = 0;
            for (Row r : rows) {
                err = Math.max(err, r.acc() == null ? 0 : r.acc().percentileError());
            }
            out.println(
                    err == 0
                            ? "Percentiles: nearest rank, exact"
                            : String.format(
                                    Locale.ROOT,
                                    "Percentiles: nearest rank, within ±%.3g (largest bound of any zone)",
                                    err));
        }
        List<String[]> cells = new ArrayList<>();
        String[] head = new String[statNames.size() + 1];
        head[0] = "zone";
        for (int i = 0; i < statNames.size(); i++) {
            head[i + 1] = statNames.get(i).name();
        }
        cells.add(head);
        for (Row r : rows) {
            String[] line = new String[head.length];
            line[0] = r.zone();
            for (int i = 0; i < statNames.size(); i++) {
                line[i + 1] = format(statNames.get(i), statNames.get(i).of(r.acc()), true);
            }
            cells.add(line);
        }
        int[] width = new int[head.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        for (String[] line : cells) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                if (i > 0) {
                    b.append("  ");
                }
                String pad = " ".repeat(width[i] - line[i].length());
                b.append(i == 0 ? line[i] + pad : pad + line[i]);
            }
            out.println(b.toString().stripTrailing());
        }
    }
}
