package io.rastermill.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.crs.CrsTransform;
import io.rastermill.core.geom.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import scala.Function2;
import scala.Tuple2;

/** Our Crs and CrsTransform against GeoTrellis 3.7.1's CRS and Transform: strings, codes, equality, points. */
class CrsOracleTest {

    private static List<Integer> codes() {
        List<Integer> codes = new ArrayList<>(
                List.of(4326, 3857, 3035, 3395, 2154, 27700, 4269, 4258, 5070, 3413, 3031, 2056, 31467, 26910));
        for (int zone = 1; zone <= 60; zone += 3) {
            codes.add(32600 + zone);
            codes.add(32700 + zone);
        }
        return codes;
    }

    private static OptionalInt oursOf(scala.Option<Object> code) {
        return code.isDefined() ? OptionalInt.of((Integer) code.get()) : OptionalInt.empty();
    }

    @Test
    void proj4StringsCodesAndEquality() {
        List<Integer> codes = codes();
        int cases = 0;
        for (int code : codes) {
            Crs ours = Crs.epsg(code);
            geotrellis.proj4.CRS theirs = geotrellis.proj4.CRS$.MODULE$.fromEpsgCode(code);
            assertEquals(theirs.toProj4String(), ours.toProj4(), "EPSG:" + code);
            assertEquals(oursOf(theirs.epsgCode()), ours.epsgCode(), "EPSG:" + code);
            Crs reparsed = Crs.fromProj4(ours.toProj4());
            geotrellis.proj4.CRS theirReparsed = geotrellis.proj4.CRS$.MODULE$.fromString(theirs.toProj4String());
            assertEquals(oursOf(theirReparsed.epsgCode()), reparsed.epsgCode(), "proj4 of EPSG:" + code);
            assertEquals(theirs.equals(theirReparsed), ours.equals(reparsed), "proj4 of EPSG:" + code);
            for (int other : codes) {
                boolean theirsEqual = theirs.equals(geotrellis.proj4.CRS$.MODULE$.fromEpsgCode(other));
                assertEquals(theirsEqual, ours.equals(Crs.epsg(other)), "EPSG:" + code + " vs EPSG:" + other);
                cases++;
            }
        }
        assertEquals(geotrellis.proj4.LatLng$.MODULE$.toProj4String(), Crs.LATLNG.toProj4());
        assertEquals(geotrellis.proj4.WebMercator$.MODULE$.toProj4String(), Crs.WEB_MERCATOR.toProj4());
        System.out.println("oracle CRS strings/codes: " + codes.size() + " CRSs, equality: " + cases + " pairs");
    }

    @Test
    void pointTransformsAreBitIdentical() {
        long seed = 18L;
        Random random = new Random(seed);
        List<Integer> codes = codes();
        int cases = 0;
        for (int code : codes) {
            Crs crs = Crs.epsg(code);
            geotrellis.proj4.CRS theirCrs = geotrellis.proj4.CRS$.MODULE$.fromEpsgCode(code);
            CrsTransform forward = CrsTransform.between(Crs.LATLNG, crs);
            CrsTransform backward = CrsTransform.between(crs, Crs.LATLNG);
            Function2<Object, Object, Tuple2<Object, Object>> theirForward =
                    geotrellis.proj4.Transform$.MODULE$.apply(geotrellis.proj4.LatLng$.MODULE$, theirCrs);
            Function2<Object, Object, Tuple2<Object, Object>> theirBackward =
                    geotrellis.proj4.Transform$.MODULE$.apply(theirCrs, geotrellis.proj4.LatLng$.MODULE$);
            for (int i = 0; i < 40; i++) {
                double lon = random.nextDouble() * 40 - 20 + (code > 32600 ? (code % 100) * 6 - 183 : 0);
                double lat = random.nextDouble() * 120 - 60;
                String where = "seed " + seed + " EPSG:" + code + " point " + lon + "," + lat;
                Point p = forward.transform(lon, lat);
                // Past ±180 proj4j (so GeoTrellis) clamps the longitude to ±180; we take it modulo 360 instead
                // (the same meridian, needed for grids across the antimeridian), so GeoTrellis gets the wrapped one.
                double turns = lon > 180 || lon < -180 ? Math.floor((lon + 180) / 360) : 0;
                Tuple2<Object, Object> tp = theirForward.apply(lon - 360 * turns, lat);
                assertEquals((double) (Double) tp._1() + (crs.isGeographic() ? 360 * turns : 0), p.x(), where);
                assertEquals((double) (Double) tp._2(), p.y(), where);
                if (Double.isFinite(p.x()) && Double.isFinite(p.y())) {
                    Point back = backward.transform(p.x(), p.y());
                    Tuple2<Object, Object> tb = theirBackward.apply(p.x(), p.y());
                    assertEquals((double) (Double) tb._1(), back.x(), where + " back");
                    assertEquals((double) (Double) tb._2(), back.y(), where + " back");
                }
                cases++;
            }
        }
        System.out.println("oracle CRS point transforms: " + cases + " cases");
    }
}
