package io.rastermill.core.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The names the command line, SQL and Java callers give the focal choices, parsed in one place each. */
class FocalNamesTest {

    @Test
    void gradientAlgorithmsByGdaldemsNames() {
        assertEquals(GradientAlg.HORN, GradientAlg.parse("Horn"));
        assertEquals(GradientAlg.ZEVENBERGEN_THORNE, GradientAlg.parse("ZevenbergenThorne"));
        assertEquals(GradientAlg.ZEVENBERGEN_THORNE, GradientAlg.parse("zevenbergen-thorne"));
        assertEquals(GradientAlg.ZEVENBERGEN_THORNE, GradientAlg.parse("ZT"));
        assertEquals(
                "must be Horn or ZevenbergenThorne, not 'sobel'",
                assertThrows(IllegalArgumentException.class, () -> GradientAlg.parse("sobel"))
                        .getMessage());
    }

    @Test
    void conventions() {
        assertEquals(Convention.GDALDEM, Convention.parse("GDAL"));
        assertEquals(Convention.GDALDEM, Convention.parse("gdaldem"));
        assertEquals(Convention.GEOTRELLIS, Convention.parse("GeoTrellis"));
        assertThrows(IllegalArgumentException.class, () -> Convention.parse("arcgis"));
    }

    @Test
    void hillshadeModesByGdaldemsFlags() {
        assertEquals(HillshadeParams.Mode.REGULAR, HillshadeParams.Mode.of(false, false, false));
        assertEquals(HillshadeParams.Mode.COMBINED, HillshadeParams.Mode.of(true, false, false));
        assertEquals(HillshadeParams.Mode.MULTIDIRECTIONAL, HillshadeParams.Mode.of(false, true, false));
        assertEquals(HillshadeParams.Mode.IGOR, HillshadeParams.Mode.of(false, false, true));
        assertEquals(
                "--combined, --multidirectional and --igor exclude each other",
                assertThrows(IllegalArgumentException.class, () -> HillshadeParams.Mode.of(false, true, true))
                        .getMessage());
    }

    @Test
    void triVariants() {
        assertEquals(TerrainIndexParams.Index.TRI_RILEY, TerrainIndexParams.Index.tri("Riley"));
        assertEquals(TerrainIndexParams.Index.TRI_WILSON, TerrainIndexParams.Index.tri("WILSON"));
        assertEquals(
                "must be Riley or Wilson, not 'tpi'",
                assertThrows(IllegalArgumentException.class, () -> TerrainIndexParams.Index.tri("tpi"))
                        .getMessage());
    }

    @Test
    void statisticsAndShapesByTheirNamesInAnyCase() {
        assertEquals(FocalStatsParams.Stat.STDDEV, FocalStatsParams.Stat.parse(" StdDev "));
        assertEquals(FocalStatsParams.Stat.MEDIAN, FocalStatsParams.Stat.parse("median"));
        assertEquals(FocalStatsParams.Shape.CIRCLE, FocalStatsParams.Shape.parse("Circle"));
        assertEquals(
                "unknown statistic 'mode'; one of [mean, min, max, sum, stddev, median]",
                assertThrows(IllegalArgumentException.class, () -> FocalStatsParams.Stat.parse("mode"))
                        .getMessage());
        assertEquals(
                "unknown shape 'annulus'; one of [square, circle]",
                assertThrows(IllegalArgumentException.class, () -> FocalStatsParams.Shape.parse("annulus"))
                        .getMessage());
    }
}
