package io.rastermill.core.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CrsParseTest {

    private static final String UTM33N_WKT1 = "PROJCS[\"WGS 84 / UTM zone 33N\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\","
            + "SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],"
            + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4326\"]],"
            + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"central_meridian\",15],UNIT[\"metre\",1],"
            + "AUTHORITY[\"EPSG\",\"32633\"]]";

    @Test
    void wktIsNamedByItsOutermostEpsgAuthority() {
        assertEquals(Crs.epsg(32633), Crs.parse(UTM33N_WKT1));
        assertEquals(Crs.epsg(32633), Crs.parse("  " + UTM33N_WKT1 + "\n"));
        assertEquals(
                Crs.epsg(4326),
                Crs.parse("GEOGCRS[\"WGS 84\",DATUM[\"World Geodetic System 1984\"]," + "AUTHORITY[\"EPSG\",4326]]"));
    }

    @Test
    void codesAndProjStringsAreFromString() {
        assertEquals(Crs.epsg(4326), Crs.parse(" epsg:4326 "));
        String utm = "+proj=utm +zone=33 +datum=WGS84 +units=m +no_defs";
        assertEquals(Crs.fromString(utm), Crs.parse(utm));
    }

    @Test
    void wktWithoutAnEpsgAuthorityIsRefused() {
        String inner = UTM33N_WKT1.substring(0, UTM33N_WKT1.lastIndexOf(",AUTHORITY")) + "]";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Crs.parse(inner));
        assertEquals("WKT without an EPSG authority is not supported", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Crs.parse(""));
    }
}
