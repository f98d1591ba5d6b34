package io.rastermill.oracle;

import static io.rastermill.oracle.GeoTrellisValues.gt;
import static io.rastermill.oracle.GeoTrellisValues.ours;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.layout.LayoutLevel;
import io.rastermill.core.layout.TileLayout;
import io.rastermill.core.layout.ZoomedLayoutScheme;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our ZoomedLayoutScheme against GeoTrellis 3.7.1's: zoom choice, levels and world extents. */
class ZoomOracleTest {

    private static final int CASES = 3000;

    private static void compareLevels(
            ZoomedLayoutScheme ours,
            geotrellis.layer.ZoomedLayoutScheme theirs,
            Extent extent,
            CellSize cs,
            String where) {
        LayoutLevel level = ours.levelFor(extent, cs);
        geotrellis.layer.LayoutLevel theirLevel =
                theirs.levelFor(gt(extent), new geotrellis.raster.CellSize(cs.width(), cs.height()));
        assertEquals(theirLevel.zoom(), level.zoom(), where);
        assertEquals(ours(theirLevel.layout().extent()), level.layout().extent(), where);
        geotrellis.raster.TileLayout tl = theirLevel.layout().tileLayout();
        assertEquals(
                new TileLayout(tl.layoutCols(), tl.layoutRows(), tl.tileCols(), tl.tileRows()),
                level.layout().tileLayout(),
                where);
    }

    /** GeoTrellis's {@code crs.worldExtent} (an implicit class Java cannot name), read from its zoom-0 layout. */
    private static geotrellis.vector.Extent theirWorldExtent(geotrellis.proj4.CRS crs) {
        return new geotrellis.layer.ZoomedLayoutScheme(crs, 256, 0.1)
                .levelForZoom(0)
                .layout()
                .extent();
    }

    @Test
    void webMercatorZoomForRandomCellSizesAndLocations() {
        long seed = 14L;
        Random random = new Random(seed);
        int tileSize = 256;
        ZoomedLayoutScheme ours = new ZoomedLayoutScheme(Crs.WEB_MERCATOR);
        geotrellis.layer.ZoomedLayoutScheme theirs =
                new geotrellis.layer.ZoomedLayoutScheme(geotrellis.proj4.WebMercator$.MODULE$, tileSize, 0.1);
        for (int i = 0; i < CASES; i++) {
            double x = random.nextDouble() * 3.9e7 - 1.95e7;
            double y = random.nextDouble() * 3.9e7 - 1.95e7;
            double size = Math.pow(10, random.nextDouble() * 6 - 1.5);
            CellSize cs = new CellSize(size, random.nextBoolean() ? size : size * (0.5 + random.nextDouble()));
            Extent extent = new Extent(x, y, x + 100 * cs.width(), y + 100 * cs.height());
            compareLevels(ours, theirs, extent, cs, "seed " + seed + " case " + i + " " + extent + " " + cs);
        }
        System.out.println("oracle WebMercator levelFor: " + CASES + " cases");
    }

    @Test
    void latLngZoomForRandomCellSizesAndLocations() {
        long seed = 15L;
        Random random = new Random(seed);
        ZoomedLayoutScheme ours = new ZoomedLayoutScheme(Crs.LATLNG, 512, 0.1);
        geotrellis.layer.ZoomedLayoutScheme theirs =
                new geotrellis.layer.ZoomedLayoutScheme(geotrellis.proj4.LatLng$.MODULE$, 512, 0.1);
        ZoomedLayoutScheme ours256 = new ZoomedLayoutScheme(Crs.LATLNG, 256, 0.3);
        geotrellis.layer.ZoomedLayoutScheme theirs256 =
                new geotrellis.layer.ZoomedLayoutScheme(geotrellis.proj4.LatLng$.MODULE$, 256, 0.3);
        for (int i = 0; i < CASES; i++) {
            double size = Math.pow(10, random.nextDouble() * 6 - 6);
            double lon = random.nextDouble() * 358 - 179;
            double lat = random.nextDouble() * 178 - 89;
            CellSize cs = new CellSize(size, random.nextBoolean() ? size : size * (0.5 + random.nextDouble()));
            Extent extent = new Extent(lon, lat, lon + cs.width(), lat + cs.height());
            String where = "seed " + seed + " case " + i + " " + extent + " " + cs;
            compareLevels(ours, theirs, extent, cs, where);
            compareLevels(ours256, theirs256, extent, cs, where + " (256, 0.3)");
        }
        System.out.println("oracle LatLng levelFor: " + 2 * CASES + " cases");
    }

    @Test
    void otherCrsWorldExtentsAndZoom() {
        int[] codes = {3035, 3395, 2154, 27700, 3031, 3413, 5070, 4269, 4258, 3578};
        long seed = 16L;
        Random random = new Random(seed);
        int cases = 0;
        for (int code : codes) {
            Crs crs = Crs.epsg(code);
            geotrellis.proj4.CRS theirCrs = geotrellis.proj4.CRS$.MODULE$.fromEpsgCode(code);
            Extent world = ZoomedLayoutScheme.worldExtent(crs);
            assertEquals(ours(theirWorldExtent(theirCrs)), world, "EPSG:" + code);
            ZoomedLayoutScheme ours = new ZoomedLayoutScheme(crs);
            geotrellis.layer.ZoomedLayoutScheme theirs = new geotrellis.layer.ZoomedLayoutScheme(theirCrs, 256, 0.1);
            Extent inner = world.buffer(-world.width() / 4, -world.height() / 4);
            for (int i = 0; i < 100; i++) {
                double x = inner.xmin() + random.nextDouble() * inner.width();
                double y = inner.ymin() + random.nextDouble() * inner.height();
                double size = crs.isGeographic()
                        ? Math.pow(10, random.nextDouble() * 4 - 5)
                        : Math.pow(10, random.nextDouble() * 4);
                CellSize cs = new CellSize(size, size);
                Extent extent = new Extent(x, y, x + cs.width(), y + cs.height());
                compareLevels(ours, theirs, extent, cs, "seed " + seed + " EPSG:" + code + " case " + i + " " + extent);
                cases++;
            }
        }
        Extent sinusoidal = ZoomedLayoutScheme.worldExtent(
                Crs.fromProj4("+proj=sinu +lon_0=0 +x_0=0 +y_0=0 +a=6371007.181 +b=6371007.181 +units=m +no_defs"));
        assertEquals(ours(theirWorldExtent(geotrellis.proj4.Sinusoidal$.MODULE$)), sinusoidal);
        System.out.println(
                "oracle world extents: " + (codes.length + 1) + " CRSs; levelFor in other CRSs: " + cases + " cases");
    }

    @Test
    void levelsAndZoomInOut() {
        ZoomedLayoutScheme ours = new ZoomedLayoutScheme(Crs.WEB_MERCATOR, 512, 0.1);
        geotrellis.layer.ZoomedLayoutScheme theirs =
                new geotrellis.layer.ZoomedLayoutScheme(geotrellis.proj4.WebMercator$.MODULE$, 512, 0.1);
        int cases = 0;
        for (int z = 0; z <= 24; z++) {
            LayoutLevel level = ours.levelForZoom(z);
            geotrellis.layer.LayoutLevel theirLevel = theirs.levelForZoom(z);
            assertEquals(
                    theirLevel.layout().cellSize().width(),
                    level.layout().cellSize().width(),
                    "zoom " + z);
            assertEquals(
                    theirLevel.layout().tileLayout().layoutCols(),
                    level.layout().layoutCols(),
                    "zoom " + z);
            assertEquals(
                    theirs.zoomIn(theirLevel).layout().tileLayout().layoutCols(),
                    ours.zoomIn(level).layout().layoutCols(),
                    "zoomIn " + z);
            if (z > 0) {
                assertEquals(
                        theirs.zoomOut(theirLevel).layout().tileLayout().layoutCols(),
                        ours.zoomOut(level).layout().layoutCols(),
                        "zoomOut " + z);
            }
            cases++;
        }
        System.out.println("oracle levelForZoom/zoomIn/zoomOut: " + cases + " cases");
    }
}
