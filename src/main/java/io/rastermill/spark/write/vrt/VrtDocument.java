package io.rastermill.spark.write.vrt;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.io.tiff.GeoTransform;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The text of a GDAL VRT (single band) mosaicking non-overlapping tile files with one
 * {@code SimpleSource} each. Stateless.
 */
final class VrtDocument {
    private VrtDocument() {}

    /** GDAL's name of the band data type for a cell type. */
    static String gdalDataType(CellType cellType) {
        return switch (cellType.dataType()) {
            case BIT, UINT8 -> "Byte";
            // GDAL 3.7 added Int8; older GDAL cannot open a VRT declaring it.
            case INT8 -> "Int8";
            case INT16 -> "Int16";
            case UINT16 -> "UInt16";
            case INT32 -> "Int32";
            case FLOAT32 -> "Float32";
            case FLOAT64 -> "Float64";
        };
    }

    /** The CRS as GDAL's SRS user input: {@code EPSG:code}, else proj4 text. */
    static String srs(Crs crs) {
        return crs.epsgCode().isPresent() ? "EPSG:" + crs.epsgCode().getAsInt() : crs.toProj4();
    }

    /**
     * The NoData value as text GDAL parses back to the same double: integers without a fraction,
     * others with Java's shortest round-trip spelling, NaN as {@code nan}.
     */
    static String noData(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static String xml(
            int width,
            int height,
            CellType cellType,
            GeoTransform transform,
            Crs crs,
            int blockSize,
            List<VrtSource> sources) {
        String type = gdalDataType(cellType);
        StringBuilder s = new StringBuilder(256 + 420 * sources.size());
        s.append("<VRTDataset rasterXSize=\"")
                .append(width)
                .append("\" rasterYSize=\"")
                .append(height)
                .append("\">\n");
        if (crs != null) {
            s.append("  <SRS>").append(escape(srs(crs))).append("</SRS>\n");
        }
        double[] gt = transform.toGdal();
        s.append("  <GeoTransform>");
        for (int i = 0; i < gt.length; i++) {
            s.append(i == 0 ? "" : ", ").append(Double.toString(gt[i]));
        }
        s.append("</GeoTransform>\n");
        s.append("  <VRTRasterBand dataType=\"").append(type).append("\" band=\"1\">\n");
        OptionalDouble nd = cellType.noDataValue();
        if (nd.isPresent()) {
            s.append("    <NoDataValue>").append(noData(nd.getAsDouble())).append("</NoDataValue>\n");
        }
        for (VrtSource src : sources) {
            s.append("    <SimpleSource>\n");
            s.append("      <SourceFilename relativeToVRT=\"1\">")
                    .append(escape(src.relativePath()))
                    .append("</SourceFilename>\n");
            s.append("      <SourceBand>1</SourceBand>\n");
            s.append("      <SourceProperties RasterXSize=\"")
                    .append(src.width())
                    .append("\" RasterYSize=\"")
                    .append(src.height())
                    .append("\" DataType=\"")
                    .append(type)
                    .append("\" BlockXSize=\"")
                    .append(blockSize)
                    .append("\" BlockYSize=\"")
                    .append(blockSize)
                    .append("\"/>\n");
            s.append("      <SrcRect xOff=\"0\" yOff=\"0\" xSize=\"")
                    .append(src.width())
                    .append("\" ySize=\"")
                    .append(src.height())
                    .append("\"/>\n");
            s.append("      <DstRect xOff=\"")
                    .append(src.xOff())
                    .append("\" yOff=\"")
                    .append(src.yOff())
                    .append("\" xSize=\"")
                    .append(src.width())
                    .append("\" ySize=\"")
                    .append(src.height())
                    .append("\"/>\n");
            s.append("    </SimpleSource>\n");
        }
        s.append("  </VRTRasterBand>\n");
        s.append("</VRTDataset>\n");
        return s.toString();
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
