package io.rastermill.spark.write.vrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.io.tiff.GeoTransform;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The VRT text without GDAL: spelling of values GDAL must parse back exactly. */
class VrtDocumentTest {

    @Test
    void noDataIsSpelledSoThatGdalParsesTheSameDouble() {
        assertEquals("-9999", VrtDocument.noData(-9999.0));
        assertEquals("65535", VrtDocument.noData(65535.0));
        assertEquals("nan", VrtDocument.noData(Double.NaN));
        assertEquals("-inf", VrtDocument.noData(Double.NEGATIVE_INFINITY));
        double f = 0.1f;
        assertEquals(f, Double.parseDouble(VrtDocument.noData(f)));
        assertEquals(-3.4028234663852886E38, Double.parseDouble(VrtDocument.noData(-Float.MAX_VALUE)));
    }

    @Test
    void aMosaicOfTwoTiles() {
        String xml = VrtDocument.xml(
                40,
                20,
                CellType.parse("int16ud-9999"),
                new GeoTransform(500000, 10, 0, 5000000, 0, -10),
                Crs.epsg(32633),
                32,
                List.of(
                        new VrtSource(0, 0, 0, 0, 32, 20, "tiles/0/0.tif"),
                        new VrtSource(1, 0, 32, 0, 8, 20, "tiles/0/1.tif")));
        assertTrue(
                xml.startsWith("<VRTDataset rasterXSize=\"40\" rasterYSize=\"20\">\n  <SRS>EPSG:32633</SRS>\n"
                        + "  <GeoTransform>500000.0, 10.0, 0.0, 5000000.0, 0.0, -10.0</GeoTransform>\n"
                        + "  <VRTRasterBand dataType=\"Int16\" band=\"1\">\n    <NoDataValue>-9999</NoDataValue>\n"),
                xml);
        assertTrue(xml.contains("<SourceFilename relativeToVRT=\"1\">tiles/0/1.tif</SourceFilename>"), xml);
        assertTrue(xml.contains("<DstRect xOff=\"32\" yOff=\"0\" xSize=\"8\" ySize=\"20\"/>"), xml);
        assertEquals(2, xml.split("<SimpleSource>", -1).length - 1);
        String raw = VrtDocument.xml(
                1, 1, CellType.parse("uint16raw"), new GeoTransform(0, 1, 0, 0, 0, -1), null, 16, List.of());
        assertFalse(raw.contains("NoDataValue") || raw.contains("<SRS>"), raw);
        assertEquals("a&amp;b&lt;c&gt;&quot;", VrtDocument.escape("a&b<c>\""));
    }
}
