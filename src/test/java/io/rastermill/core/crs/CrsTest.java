package io.rastermill.core.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.Point;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CrsTest {

    static final String LATLNG_PROJ4 = "+proj=longlat +datum=WGS84 +no_defs ";
    static final String WEB_MERCATOR_PROJ4 = "+proj=merc +a=6378137 +b=6378137 +lat_ts=0.0 +lon_0=0.0 +x_0=0.0 "
            + "+y_0=0 +k=1.0 +units=m +nadgrids=@null +wktext +no_defs ";

    @Test
    void proj4StringsAreGeoTrellisOnes() {
        assertEquals(LATLNG_PROJ4, Crs.LATLNG.toProj4());
        assertEquals(WEB_MERCATOR_PROJ4, Crs.WEB_MERCATOR.toProj4());
    }

    @Test
    void equalityIsByMeaning() {
        assertEquals(Crs.LATLNG, Crs.fromProj4("+proj=longlat +datum=WGS84 +no_defs"));
        assertEquals(Crs.LATLNG, Crs.fromString("epsg:4326"));
        assertEquals(Crs.LATLNG.hashCode(), Crs.fromProj4(LATLNG_PROJ4).hashCode());
        assertEquals(Crs.WEB_MERCATOR, Crs.fromString(WEB_MERCATOR_PROJ4));
        assertNotEquals(Crs.LATLNG, Crs.WEB_MERCATOR);
        assertNotEquals(Crs.epsg(32633), Crs.epsg(32634));
    }

    @Test
    void epsgCodeIsRecognisedFromProj4() {
        assertEquals(OptionalInt.of(4326), Crs.fromProj4(LATLNG_PROJ4).epsgCode());
        assertEquals(OptionalInt.of(3857), Crs.fromProj4(WEB_MERCATOR_PROJ4).epsgCode());
        assertEquals(
                OptionalInt.of(32633),
                Crs.fromProj4("+proj=utm +zone=33 +datum=WGS84 +units=m +no_defs")
                        .epsgCode());
        assertEquals(OptionalInt.of(4326), Crs.LATLNG.epsgCode());
        assertFalse(Crs.fromProj4("+proj=sinu +lon_0=0 +x_0=0 +y_0=0 +a=6371007.181 +b=6371007.181 +units=m +no_defs")
                .epsgCode()
                .isPresent());
    }

    @Test
    void badInputNamesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Crs.epsg(999999));
        assertTrue(e.getMessage().contains("EPSG:999999"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Crs.fromString(""));
        assertThrows(IllegalArgumentException.class, () -> Crs.fromProj4("+proj=nonsense"));
    }

    @Test
    void serializationKeepsMeaning() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(Crs.WEB_MERCATOR);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Crs read = (Crs) in.readObject();
            assertEquals(Crs.WEB_MERCATOR, read);
            assertEquals(WEB_MERCATOR_PROJ4, read.toProj4());
        }
    }

    @Test
    void pointTransformRoundTrips() {
        CrsTransform forward = CrsTransform.between(Crs.LATLNG, Crs.WEB_MERCATOR);
        Point p = forward.transform(180, 0);
        assertEquals(20037508.342789244, p.x(), 1e-6);
        Point back = CrsTransform.between(Crs.WEB_MERCATOR, Crs.LATLNG).transform(p.x(), p.y());
        assertEquals(180, back.x(), 1e-9);
        assertSame(Crs.LATLNG, CrsTransform.between(Crs.LATLNG, Crs.LATLNG).target());
        assertEquals(
                new Point(1, 2), CrsTransform.between(Crs.LATLNG, Crs.LATLNG).transform(1, 2));
    }

    @Test
    void extentTransformSamplesEdgesNotOnlyCorners() {
        // A UTM 33N extent: its north edge bulges northward in lon/lat, beyond the corners.
        Extent utm = new Extent(300000, 5000000, 700000, 5500000);
        CrsTransform toLatLng = CrsTransform.between(Crs.epsg(32633), Crs.LATLNG);
        Extent sampled = toLatLng.transformExtent(utm);
        Extent corners = toLatLng.transformCorners(utm);
        assertTrue(sampled.ymax() > corners.ymax(), sampled + " vs " + corners);
        assertTrue(sampled.covers(corners));
    }

    @Test
    void utmZones() {
        assertEquals(new UtmZone(33, true), UtmZone.of(15, 45));
        assertEquals(new UtmZone(32, true), UtmZone.of(4, 60)); // Norway
        assertEquals(new UtmZone(33, true), UtmZone.of(10, 75)); // Svalbard
        assertEquals(32733, UtmZone.of(15, -10).epsgCode());
        assertThrows(IllegalArgumentException.class, () -> UtmZone.of(0, 85));
    }

    @Test
    void haversine() {
        // a quarter of the equator
        assertEquals(Math.PI / 2 * Haversine.EARTH_RADIUS, Haversine.distance(0, 0, 90, 0), 1e-6);
    }
}
