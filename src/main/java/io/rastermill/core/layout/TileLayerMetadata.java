package io.rastermill.core.layout;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import java.io.Serializable;
import java.util.Optional;

/**
 * What a tiled layer is: cell type, layout, data extent, CRS and key bounds (GeoTrellis
 * {@code TileLayerMetadata[SpatialKey]}). The data extent may be smaller than the layout extent.
 *
 * @param cellType cell type of every tile
 * @param layout   the layout the tiles are cut from
 * @param extent   extent of the data
 * @param crs      CRS of the layout and extent; null when the source had none usable (see {@link #knownCrs()})
 * @param bounds   the keys present, or {@link EmptyBounds}
 */
public record TileLayerMetadata(CellType cellType, LayoutDefinition layout, Extent extent, Crs crs, Bounds bounds)
        implements Serializable {

    public TileLayerMetadata {
        if (cellType == null) {
            throw new IllegalArgumentException("cellType must not be null");
        }
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null");
        }
        if (extent == null) {
            throw new IllegalArgumentException("extent must not be null");
        }
        if (bounds == null) {
            throw new IllegalArgumentException("bounds must not be null; use EmptyBounds.INSTANCE");
        }
    }

    /** Metadata whose bounds are the tiles touched by {@code extent}, as GeoTrellis's metadata collection does. */
    public static TileLayerMetadata of(CellType cellType, LayoutDefinition layout, Extent extent, Crs crs) {
        return new TileLayerMetadata(
                cellType,
                layout,
                extent,
                crs,
                KeyBounds.of(layout.mapTransform().extentToBounds(extent)));
    }

    /**
     * The CRS, if known. A layer read from a raster without a usable CRS (no EPSG code proj4j knows)
     * has none: local computations work, anything that needs the CRS (reprojection, the GeoTrellis
     * layer JSON) refuses it with a clear error.
     */
    public Optional<Crs> knownCrs() {
        return Optional.ofNullable(crs);
    }

    /** The same layer description with another cell type (e.g. after a computation that changes it). */
    public TileLayerMetadata withCellType(CellType newCellType) {
        return newCellType.equals(cellType) ? this : new TileLayerMetadata(newCellType, layout, extent, crs, bounds);
    }

    public MapKeyTransform mapTransform() {
        return layout.mapTransform();
    }

    /** The tiles touched by the data extent: {@code mapTransform().extentToBounds(extent)}. */
    public GridBounds tileBounds() {
        return layout.mapTransform().extentToBounds(extent);
    }
}
