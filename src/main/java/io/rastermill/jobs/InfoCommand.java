package io.rastermill.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rastermill.core.geom.Extent;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.geotiff.GeoTiffInfo;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.tiff.GeoTransform;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rastermill info FILE [--json]}: what {@code gdalinfo} tells of a GeoTIFF, from the header and
 * IFDs only (no pixel is read): size, bands, GDAL type and GeoTrellis cell type, NoData, CRS,
 * geotransform, extent, block size, compression, predictor, interleave, overviews, BigTIFF.
 * The JSON uses gdalinfo's key names where gdalinfo has the fact. Needs no Spark.
 */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Describe a GeoTIFF like gdalinfo: size, bands, cell type, NoData, CRS, geotransform, extent,"
                + " block size, compression, predictor, overviews, BigTIFF. Reads only the header.")
final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "GeoTIFF path or URI (file:, hdfs:, s3a:, ...)")
    String file;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        GeoTiffInfo info;
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            info = reader.info();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(info)));
        } else {
            printText(info, out);
        }
        out.flush();
        return 0;
    }

    /** gdalinfo's INTERLEAVE: BAND for one band or separate planes, PIXEL otherwise. */
    static String interleave(GeoTiffInfo info) {
        return info.bandCount() == 1 || info.planar() ? "BAND" : "PIXEL";
    }

    static ObjectNode toJson(GeoTiffInfo info) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("description", info.location());
        root.put("driverShortName", "GTiff");
        root.putArray("size").add(info.width()).add(info.height());
        root.put("cellType", info.cellType().name());
        info.geoTransform().ifPresent(t -> {
            ArrayNode gt = root.putArray("geoTransform");
            for (double v : t.toGdal()) {
                gt.add(v);
            }
        });
        if (info.epsg().isPresent() || info.crs().isPresent()) {
            ObjectNode cs = root.putObject("coordinateSystem");
            info.epsg().ifPresent(code -> cs.put("epsg", code));
            info.crs().ifPresent(c -> cs.put("proj4", c.toProj4().strip()));
        }
        info.rasterExtent().ifPresent(re -> {
            Extent e = re.extent();
            root.putObject("extent")
                    .put("xmin", e.xmin())
                    .put("ymin", e.ymin())
                    .put("xmax", e.xmax())
                    .put("ymax", e.ymax());
        });
        root.put("pixelIsPoint", info.pixelIsPoint());
        ObjectNode structure = root.putObject("metadata").putObject("IMAGE_STRUCTURE");
        if (info.compression() != Compression.NONE) {
            structure.put("COMPRESSION", gdalCompressionName(info.compression()));
        }
        structure.put("INTERLEAVE", interleave(info));
        if (info.predictor() != 1) {
            structure.put("PREDICTOR", Integer.toString(info.predictor()));
        }
        if (info.sampleKind().bits() == 1) {
            structure.put("NBITS", "1");
        }
        root.put("layout", info.tiled() ? "tiled" : "strips");
        root.put("bigTiff", info.bigTiff());
        root.put("byteOrder", info.byteOrder().toString());
        ArrayNode bands = root.putArray("bands");
        for (int b = 0; b < info.bandCount(); b++) {
            ObjectNode band = bands.addObject();
            band.put("band", b + 1);
            band.putArray("block").add(info.blockWidth()).add(info.blockHeight());
            band.put("type", info.gdalDataType());
            info.noData().ifPresent(nd -> {
                if (Double.isNaN(nd)) {
                    band.put("noDataValue", "NaN");
                } else {
                    band.put("noDataValue", nd);
                }
            });
            ArrayNode overviews = band.putArray("overviews");
            for (GeoTiffInfo.Level level : info.overviews()) {
                overviews.addObject().putArray("size").add(level.width()).add(level.height());
            }
        }
        return root;
    }

    /** GDAL's names: DEFLATE for both Deflate tag values. */
    static String gdalCompressionName(Compression c) {
        return c == Compression.ADOBE_DEFLATE ? "DEFLATE" : c.name();
    }

    private static void printText(GeoTiffInfo info, PrintWriter out) {
        out.println("Driver: GTiff/GeoTIFF");
        out.println("Files: " + info.location());
        out.println("Size is " + info.width() + ", " + info.height());
        if (info.epsg().isPresent()) {
            out.println("Coordinate System is EPSG:" + info.epsg().getAsInt()
                    + info.crs().map(c -> " (" + c.toProj4().strip() + ")").orElse(""));
        } else {
            out.println("Coordinate System is unknown");
        }
        if (info.geoTransform().isPresent()) {
            GeoTransform t = info.geoTransform().get();
            if (t.isNorthUp()) {
                out.println(String.format(Locale.ROOT, "Origin = (%.15f,%.15f)", t.originX(), t.originY()));
                out.println(String.format(Locale.ROOT, "Pixel Size = (%.15f,%.15f)", t.pixelWidth(), t.pixelHeight()));
            } else {
                double[] g = t.toGdal();
                out.println(String.format(
                        Locale.ROOT,
                        "GeoTransform =%n  %.15g, %.15g, %.15g%n  %.15g, %.15g, %.15g",
                        g[0],
                        g[1],
                        g[2],
                        g[3],
                        g[4],
                        g[5]));
            }
        }
        info.rasterExtent().ifPresent(re -> {
            Extent e = re.extent();
            out.println(String.format(
                    Locale.ROOT, "Extent = (%.6f, %.6f) - (%.6f, %.6f)", e.xmin(), e.ymin(), e.xmax(), e.ymax()));
        });
        if (info.pixelIsPoint()) {
            out.println("AREA_OR_POINT=Point (georeferencing shifted to pixel-is-area)");
        }
        out.println("Image Structure Metadata:");
        if (info.compression() != Compression.NONE) {
            out.println("  COMPRESSION=" + gdalCompressionName(info.compression()));
        }
        out.println("  INTERLEAVE=" + interleave(info));
        if (info.predictor() != 1) {
            out.println("  PREDICTOR=" + info.predictor());
        }
        out.println("  LAYOUT=" + (info.tiled() ? "tiled" : "strips") + ", BIGTIFF=" + (info.bigTiff() ? "YES" : "NO")
                + ", " + info.byteOrder());
        String overviews = info.overviews().isEmpty()
                ? null
                : String.join(
                        ", ",
                        info.overviews().stream()
                                .map(l -> l.width() + "x" + l.height())
                                .toList());
        for (int b = 1; b <= info.bandCount(); b++) {
            out.println("Band " + b + " Block=" + info.blockWidth() + "x" + info.blockHeight() + " Type="
                    + info.gdalDataType() + ", CellType=" + info.cellType().name());
            if (info.noData().isPresent()) {
                double nd = info.noData().getAsDouble();
                out.println("  NoData Value="
                        + (nd == Math.rint(nd) && !Double.isInfinite(nd)
                                ? Long.toString((long) nd)
                                : Double.toString(nd).replace("NaN", "nan")));
            }
            if (overviews != null) {
                out.println("  Overviews: " + overviews);
            }
        }
    }
}
