package io.rastermill.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridExtent;
import org.junit.jupiter.api.Test;

/** Values verified with GeoTrellis 3.7.1 (probe-output.txt, compat doc §3.5 and §3.9). */
class LayoutSchemeTest {

    @Test
    void floatingSchemeAnchorsUpperLeftAndPadsEastAndSouth() {
        LayoutLevel level = new FloatingLayoutScheme(256).levelFor(new Extent(0, 0, 1000, 700), new CellSize(1, 1));
        assertEquals(0, level.zoom());
        assertEquals(new Extent(0, -68, 1024, 700), level.layout().extent());
        assertEquals(new TileLayout(4, 3, 256, 256), level.layout().tileLayout());
        assertEquals(new CellSize(1, 1), level.layout().cellSize());
    }

    @Test
    void layoutFromGrid() {
        LayoutDefinition layout =
                LayoutDefinition.fromGrid(GridExtent.of(new Extent(10, 20, 15, 23), new CellSize(0.5, 0.5)), 4, 3);
        assertEquals(new TileLayout(3, 2, 4, 3), layout.tileLayout());
        assertEquals(new Extent(10, 20, 16, 23), layout.extent());
    }

    @Test
    void floatingSchemeHasNoPyramid() {
        FloatingLayoutScheme scheme = new FloatingLayoutScheme();
        LayoutLevel level = scheme.levelFor(new Extent(0, 0, 10, 10), new CellSize(1, 1));
        assertThrows(UnsupportedOperationException.class, () -> scheme.zoomIn(level));
        assertThrows(UnsupportedOperationException.class, () -> scheme.zoomOut(level));
    }

    @Test
    void webMercatorLevels() {
        ZoomedLayoutScheme scheme = new ZoomedLayoutScheme(Crs.WEB_MERCATOR);
        LayoutDefinition zoom0 = scheme.levelForZoom(0).layout();
        assertEquals(
                new Extent(-2.0037508342789244E7, -2.0037508342789244E7, 2.0037508342789244E7, 2.0037508342789244E7),
                zoom0.extent());
        assertEquals(new CellSize(156543.03392804097, 156543.03392804097), zoom0.cellSize());
        LayoutDefinition zoom3 = scheme.levelForZoom(3).layout();
        assertEquals(new TileLayout(8, 8, 256, 256), zoom3.tileLayout());
        assertEquals(new CellSize(19567.87924100512, 19567.87924100512), zoom3.cellSize());
    }

    @Test
    void webMercatorZoomForCellSize() {
        ZoomedLayoutScheme scheme = new ZoomedLayoutScheme(Crs.WEB_MERCATOR);
        Extent somewhere = new Extent(0, 0, 10000, 10000);
        assertEquals(14, scheme.levelFor(somewhere, new CellSize(10, 10)).zoom());
        assertEquals(10, scheme.levelFor(somewhere, new CellSize(150, 150)).zoom());
    }

    @Test
    void latLngPixelsAreNotSquare() {
        ZoomedLayoutScheme scheme = new ZoomedLayoutScheme(Crs.LATLNG);
        LayoutDefinition zoom2 = scheme.levelForZoom(2).layout();
        assertEquals(new Extent(-180.0, -89.99999, 179.99999, 89.99999), zoom2.extent());
        assertEquals(new CellSize(0.351562490234375, 0.17578123046875), zoom2.cellSize());
        assertEquals(new TileLayout(4, 4, 256, 256), zoom2.tileLayout());
    }

    @Test
    void zoomInAndOut() {
        ZoomedLayoutScheme scheme = new ZoomedLayoutScheme(Crs.WEB_MERCATOR);
        LayoutLevel three = scheme.levelForZoom(3);
        assertEquals(scheme.levelForZoom(4), scheme.zoomIn(three));
        assertEquals(scheme.levelForZoom(2), scheme.zoomOut(three));
        assertThrows(IllegalArgumentException.class, () -> scheme.zoomOut(scheme.levelForZoom(0)));
        assertThrows(IllegalArgumentException.class, () -> scheme.levelForZoom(-1));
    }

    @Test
    void utmHasNoWorldExtent() {
        assertThrows(IllegalArgumentException.class, () -> new ZoomedLayoutScheme(Crs.epsg(32633)));
    }

    @Test
    void metadataTileBounds() {
        LayoutDefinition layout = new LayoutDefinition(new Extent(0, 0, 8, 8), new TileLayout(2, 2, 4, 4));
        TileLayerMetadata md = TileLayerMetadata.of(
                io.rastermill.core.cell.CellType.parse("int32"), layout, new Extent(1, 1, 3, 3), Crs.LATLNG);
        assertEquals(new KeyBounds(new SpatialKey(0, 1), new SpatialKey(0, 1)), md.bounds());
        assertEquals(md.bounds(), KeyBounds.of(md.tileBounds()));
    }
}
