package io.rastermill.core.warp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.crs.CrsTransform;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.Point;
import io.rastermill.core.geom.RasterExtent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Grids across the antimeridian. The expected grids are gdalwarp 3.6.2's ({@code -et 0}) for the same source grids,
 * measured with {@code gdalinfo} on its outputs.
 */
class AntimeridianTest {
    /** UTM 60N, 160x120 cells of 1 km from (700000, 5800000): it crosses 180° near 52°N. */
    private static final WarpGrid UTM60 = new WarpGrid(
            Crs.epsg(32660), new RasterExtent(new Extent(700000, 5680000, 860000, 5800000), 1000, 1000, 160, 120));
    /** Lon/lat 179°..180.6°, 50.8°..52°N, 0.01° cells. */
    private static final WarpGrid PAST_180 =
            new WarpGrid(Crs.LATLNG, new RasterExtent(new Extent(179, 50.8, 180.6, 52), 0.01, 0.01, 160, 120));

    @Test
    void longitudesPast180AreNotClampedByProj4j() {
        CrsTransform toUtm = CrsTransform.between(Crs.LATLNG, Crs.epsg(32660));
        Point east = toUtm.transform(180.5, 52);
        Point same = toUtm.transform(-179.5, 52);
        assertEquals(same, east);
        assertTrue(east.x() > toUtm.transform(180, 52).x() + 30_000, "half a degree east of 180: " + east);
        // A geographic target keeps the source's turn: 180.5 stays 180.5, not -179.5 (nor the clamped 180).
        Crs nad83 = Crs.epsg(4269);
        assertEquals(
                180.5,
                CrsTransform.between(Crs.LATLNG, nad83).transform(180.5, 52).x(),
                1e-6);
        double[] xs = {180.5, 10};
        double[] ys = {52, 52};
        CrsTransform.between(Crs.LATLNG, Crs.epsg(32660)).transformInPlace(xs, ys, 0, 2);
        assertEquals(same.x(), xs[0], 0);
    }

    /** gdalwarp -t_srs "+proj=longlat +datum=WGS84 +lon_wrap=180": 193x93 from (179.865068566, 52.313843664), 0.0124934°. */
    @Test
    void projectedSourceAcross180GetsALonWrapGridInLatLon() {
        WarpGrid g = TargetGridSpec.defaults(Crs.LATLNG, 1L << 34).resolve(List.of(UTM60));
        String what = g.toString();
        assertEquals(179.865068566453260, g.grid().extent().xmin(), 0.0125, what);
        assertEquals(52.313843664103260, g.grid().extent().ymax(), 0.0125, what);
        assertEquals(0.012493352492903, g.grid().cellWidth(), 0.0125 * 0.01, what);
        assertTrue(Math.abs(g.cols() - 193) <= 1 && Math.abs(g.rows() - 93) <= 1, what);
    }

    /** gdalwarp -t_srs EPSG:4269 (its own default grid): 160x120 from (178.999999492, 52), 0.0099999781°. */
    @Test
    void geographicSourcePast180KeepsItsLongitudes() {
        WarpGrid g = TargetGridSpec.defaults(Crs.epsg(4269), 1L << 34).resolve(List.of(PAST_180));
        String what = g.toString();
        assertEquals(179.0, g.grid().extent().xmin(), 0.01, what);
        assertEquals(52.0, g.grid().extent().ymax(), 0.01, what);
        assertTrue(Math.abs(g.cols() - 160) <= 1 && Math.abs(g.rows() - 120) <= 1, what);
        // Not across: a source east of the antimeridian only is left alone.
        double[] lons = {-170, -160, 10};
        TargetGridSpec.unwrapAcrossAntimeridian(lons);
        assertEquals(-170, lons[0]);
        double[] across = {179.5, -179.5, 179.9};
        TargetGridSpec.unwrapAcrossAntimeridian(across);
        assertEquals(180.5, across[1]);
    }
}
