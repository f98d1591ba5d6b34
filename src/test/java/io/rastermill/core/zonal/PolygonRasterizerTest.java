package io.rastermill.core.zonal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/** Hand-computed masks, tiling invariance, and GeoJSON zones. */
class PolygonRasterizerTest {
    private static final GeometryFactory GF = new GeometryFactory();

    private static Geometry poly(double... xy) {
        Coordinate[] cs = new Coordinate[xy.length / 2];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return GF.createPolygon(cs);
    }

    /** Cells of a 10x10 grid (cell 1, origin upper-left at (0, 10)) as "row,col" strings. */
    private static TreeSet<String> cells(Geometry g, boolean allTouched) {
        PolygonRasterizer p = new PolygonRasterizer(g, 0, 10, 1, 1);
        int[] out = new int[100];
        int n = p.cells(0, 0, 10, 10, allTouched, out, new PolygonRasterizer.Scratch());
        TreeSet<String> s = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            s.add(out[i] / 10 + "," + out[i] % 10);
        }
        return s;
    }

    @Test
    void centreRuleAndAllTouchedOnASquare() {
        // x in [1.6, 3.4], y in [6.6, 8.4]: pixel columns and rows 1.6..3.4; only centre (2.5, 2.5) is inside
        Geometry sq = poly(1.6, 6.6, 3.4, 6.6, 3.4, 8.4, 1.6, 8.4, 1.6, 6.6);
        assertEquals(new TreeSet<>(Arrays.asList("2,2")), cells(sq, false));
        TreeSet<String> all = new TreeSet<>();
        for (int r = 1; r <= 3; r++) {
            for (int c = 1; c <= 3; c++) {
                all.add(r + "," + c);
            }
        }
        assertEquals(all, cells(sq, true));
    }

    @Test
    void holesAreHolesAndTilingChangesNothing() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 30; trial++) {
            double cx = 3 + rnd.nextDouble() * 4;
            double cy = 3 + rnd.nextDouble() * 4;
            Coordinate[] outer = ring(rnd, cx, cy, 2.5, 4.5);
            Coordinate[] hole = ring(rnd, cx, cy, 0.5, 1.0);
            Geometry g = GF.createPolygon(
                    GF.createLinearRing(outer), new org.locationtech.jts.geom.LinearRing[] {GF.createLinearRing(hole)});
            for (boolean at : new boolean[] {false, true}) {
                TreeSet<String> whole = cells(g, at);
                TreeSet<String> tiled = new TreeSet<>();
                PolygonRasterizer p = new PolygonRasterizer(g, 0, 10, 1, 1);
                int t = 1 + rnd.nextInt(6);
                for (int y0 = 0; y0 < 10; y0 += t) {
                    for (int x0 = 0; x0 < 10; x0 += t) {
                        int w = Math.min(t, 10 - x0);
                        int h = Math.min(t, 10 - y0);
                        int[] out = new int[w * h];
                        int n = p.cells(x0, y0, w, h, at, out, new PolygonRasterizer.Scratch());
                        for (int i = 0; i < n; i++) {
                            tiled.add((y0 + out[i] / w) + "," + (x0 + out[i] % w));
                        }
                    }
                }
                assertEquals(whole, tiled, "tile " + t);
                // centre rule == JTS point-in-polygon of the centres (no centre lies on an edge here)
                if (!at) {
                    TreeSet<String> jts = new TreeSet<>();
                    for (int r = 0; r < 10; r++) {
                        for (int c = 0; c < 10; c++) {
                            if (g.contains(GF.createPoint(new Coordinate(c + 0.5, 10 - r - 0.5)))) {
                                jts.add(r + "," + c);
                            }
                        }
                    }
                    assertEquals(jts, whole);
                } else {
                    assertTrue(whole.containsAll(cells(g, false)), "all touched includes the centre-rule cells");
                }
            }
        }
    }

    private static Coordinate[] ring(Random rnd, double cx, double cy, double r0, double r1) {
        int n = 5 + rnd.nextInt(6);
        double[] ang = new double[n];
        for (int i = 0; i < n; i++) {
            // evenly spread with jitter: the ring stays star-shaped around the centre, holes stay inside
            ang[i] = 2 * Math.PI * (i + 0.3 * rnd.nextDouble()) / n;
        }
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double r = r0 + rnd.nextDouble() * (r1 - r0);
            cs[i] = new Coordinate(cx + r * Math.cos(ang[i]), cy + r * Math.sin(ang[i]));
        }
        cs[n] = cs[0];
        return cs;
    }

    @Test
    void onlyPolygonsAreZones() {
        LineString line = GF.createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 1)});
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new PolygonRasterizer(line, 0, 10, 1, 1));
        assertTrue(e.getMessage().contains("LineString"), e.getMessage());
    }

    @Test
    void geoJsonIdsCrsAndErrors() throws Exception {
        String fc =
                "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::32633\"}},"
                        + "\"features\":[{\"type\":\"Feature\",\"id\":7,\"properties\":{\"k\":\"a\"},\"geometry\":{\"type\":\"Polygon\","
                        + "\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}},{\"type\":\"Feature\",\"id\":8,\"properties\":{\"k\":\"b\"},"
                        + "\"geometry\":null}]}";
        GeoJsonZones.Zones z =
                GeoJsonZones.read(new ByteArrayInputStream(fc.getBytes(StandardCharsets.UTF_8)), "t.geojson", null);
        assertEquals(1, z.features().size());
        assertEquals("7", z.features().get(0).id());
        assertEquals(32633, z.declaredEpsg().getAsInt());
        assertEquals(1, z.skipped());
        assertEquals(
                "a",
                GeoJsonZones.read(new ByteArrayInputStream(fc.getBytes(StandardCharsets.UTF_8)), "t", "k")
                        .features()
                        .get(0)
                        .id());
        String dup = fc.replace("\"id\":8", "\"id\":7")
                .replace(
                        "\"geometry\":null",
                        "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> GeoJsonZones.read(
                        new ByteArrayInputStream(dup.getBytes(StandardCharsets.UTF_8)), "t.geojson", null));
        assertTrue(
                e.getMessage().contains("t.geojson: feature 1")
                        && e.getMessage().contains("\"7\""),
                e.getMessage());
        String open = fc.replace("[[[0,0],[1,0],[1,1],[0,0]]]", "[[[0,0],[1,0],[1,1],[0,1]]]");
        e = assertThrows(
                IllegalArgumentException.class,
                () -> GeoJsonZones.read(
                        new ByteArrayInputStream(open.getBytes(StandardCharsets.UTF_8)), "t.geojson", null));
        assertTrue(e.getMessage().contains("not closed"), e.getMessage());
        assertArrayEquals(
                new double[] {0, 9, 1, 10},
                new PolygonRasterizer(z.features().get(0).geometry(), 0, 10, 1, 1).pixelEnvelope());
    }
}
