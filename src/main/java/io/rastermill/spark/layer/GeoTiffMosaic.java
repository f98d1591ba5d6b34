package io.rastermill.spark.layer;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.focal.BufferedTile;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.geom.GridExtent;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBuilder;
import io.rastermill.io.bytes.RangeReaders;
import io.rastermill.io.geotiff.GeoTiffInfo;
import io.rastermill.io.geotiff.GeoTiffReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One or more GeoTIFFs on one pixel grid (adjacent scenes, a tiled export), planned on the driver
 * from their headers only, and read on executors window by window by byte range.
 *
 * <p>Every file must share the CRS, cell size, cell type and band count, and be aligned to the same
 * pixel grid; the mosaic grid is their union, anchored at its upper-left corner, and the layout is
 * that grid cut into {@code tileSize} tiles (GeoTrellis's floating layout). Where files overlap, the
 * later file in sorted order wins, as in a VRT.
 */
final class GeoTiffMosaic implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Relative tolerance on cell sizes, and on grid alignment in pixels. */
    private static final double TOLERANCE = 1e-6;

    /** A file and where its pixel (0, 0) sits in the mosaic grid. */
    record Source(String uri, long colOffset, long rowOffset, int cols, int rows) implements Serializable {
        boolean intersects(long x0, long y0, long x1, long y1) {
            return colOffset <= x1 && colOffset + cols - 1 >= x0 && rowOffset <= y1 && rowOffset + rows - 1 >= y0;
        }
    }

    private final List<Source> sources;
    private final int band;
    private final RasterGrid grid;
    private final TileLayerMetadata metadata;
    private final HadoopConf conf;
    /** Decoded-segment cache per file per task ({@code spark.rastermill.block.cache.size}). */
    private final long decodedCacheBytes;

    private GeoTiffMosaic(
            List<Source> sources,
            int band,
            RasterGrid grid,
            TileLayerMetadata metadata,
            HadoopConf conf,
            long decodedCacheBytes) {
        this.sources = List.copyOf(sources);
        this.band = band;
        this.grid = grid;
        this.metadata = metadata;
        this.conf = conf;
        this.decodedCacheBytes = decodedCacheBytes;
    }

    TileLayerMetadata metadata() {
        return metadata;
    }

    RasterGrid grid() {
        return grid;
    }

    List<Source> sources() {
        return sources;
    }

    /**
     * Expands paths, directories (their .tif/.tiff files) and globs, sorted; a pattern that matches
     * nothing is an error naming it.
     */
    static List<String> expand(List<String> patterns, Configuration conf) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        for (String pattern : patterns) {
            if (RangeReaders.isHttp(pattern)) {
                out.add(pattern); // HTTP has no listing: a URL names one file, read by Range requests
                continue;
            }
            Path p = new Path(pattern);
            FileSystem fs = p.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(p);
            if (matches == null || matches.length == 0) {
                throw new FileNotFoundException(pattern + " (no such file)");
            }
            for (FileStatus m : matches) {
                if (m.isDirectory()) {
                    for (FileStatus child : fs.listStatus(m.getPath())) {
                        String name = child.getPath().getName().toLowerCase();
                        if (child.isFile() && (name.endsWith(".tif") || name.endsWith(".tiff"))) {
                            out.add(qualified(pattern, child.getPath()));
                        }
                    }
                } else {
                    out.add(qualified(pattern, m.getPath()));
                }
            }
        }
        if (out.isEmpty()) {
            throw new FileNotFoundException(String.join(", ", patterns) + " (no .tif files)");
        }
        return new ArrayList<>(out);
    }

    /** Plain local paths stay plain (our local reader is faster than Hadoop's); URIs stay URIs. */
    private static String qualified(String pattern, Path found) {
        URI uri = found.toUri();
        boolean plain = new Path(pattern).toUri().getScheme() == null;
        return plain && ("file".equals(uri.getScheme()) || uri.getScheme() == null) ? uri.getPath() : uri.toString();
    }

    /** Reads the headers of {@code files} and plans the mosaic. */
    static GeoTiffMosaic plan(List<String> files, int band, int tileSize, Configuration conf, long decodedCacheBytes)
            throws IOException {
        if (tileSize < 1) {
            throw new IllegalArgumentException("tile size must be positive, got " + tileSize);
        }
        List<GeoTiffInfo> infos = new ArrayList<>();
        for (String f : files) {
            try (GeoTiffReader r = GeoTiffReader.open(f, conf)) {
                infos.add(r.info());
            }
        }
        GeoTiffInfo first = infos.get(0);
        RasterExtent firstGrid = requireGrid(first);
        if (band < 0 || band >= first.bandCount()) {
            throw new IllegalArgumentException(
                    first.location() + ": band " + (band + 1) + " does not exist; the file has " + first.bandCount());
        }
        Extent union = firstGrid.extent();
        for (GeoTiffInfo info : infos.subList(1, infos.size())) {
            RasterExtent g = requireGrid(info);
            String differs = null;
            if (!info.epsg().equals(first.epsg())) {
                differs = "CRS EPSG:" + code(info) + " vs EPSG:" + code(first);
            } else if (!close(g.cellWidth(), firstGrid.cellWidth()) || !close(g.cellHeight(), firstGrid.cellHeight())) {
                differs = "cell size " + g.cellWidth() + "x" + g.cellHeight() + " vs " + firstGrid.cellWidth() + "x"
                        + firstGrid.cellHeight();
            } else if (!info.cellType().equals(first.cellType())) {
                differs = "cell type " + info.cellType() + " vs " + first.cellType();
            } else if (info.bandCount() != first.bandCount()) {
                differs = info.bandCount() + " bands vs " + first.bandCount();
            }
            if (differs != null) {
                throw new IllegalArgumentException("cannot mosaic " + info.location() + " with " + first.location()
                        + ": " + differs + " (resampling is not supported)");
            }
            union = union.combine(g.extent());
        }
        double cw = firstGrid.cellWidth();
        double ch = firstGrid.cellHeight();
        List<Source> sources = new ArrayList<>();
        for (GeoTiffInfo info : infos) {
            RasterExtent g = info.rasterExtent().orElseThrow();
            double dx = (g.extent().xmin() - union.xmin()) / cw;
            double dy = (union.ymax() - g.extent().ymax()) / ch;
            if (Math.abs(dx - Math.rint(dx)) > TOLERANCE || Math.abs(dy - Math.rint(dy)) > TOLERANCE) {
                throw new IllegalArgumentException("cannot mosaic " + info.location() + " with " + first.location()
                        + ": its pixels are not aligned with the first file's (offset " + dx + ", " + dy + " pixels)");
            }
            sources.add(new Source(info.location(), Math.round(dx), Math.round(dy), info.width(), info.height()));
        }
        GridExtent gridExtent = GridExtent.of(union, new CellSize(cw, ch));
        LayoutDefinition layout = LayoutDefinition.fromGrid(gridExtent, tileSize, tileSize);
        // No usable CRS (none in the file, or an EPSG code proj4j does not know): the layer has none.
        Crs crs = first.crs().orElse(null);
        TileLayerMetadata md = TileLayerMetadata.of(first.cellType(), layout, union, crs);
        RasterGrid grid = new RasterGrid(
                gridExtent.cols(), gridExtent.rows(), tileSize, tileSize, first.cellType(), layout.cellSize());
        return new GeoTiffMosaic(sources, band, grid, md, new HadoopConf(conf), decodedCacheBytes);
    }

    private static RasterExtent requireGrid(GeoTiffInfo info) {
        return info.rasterExtent()
                .orElseThrow(() -> new IllegalArgumentException(info.location()
                        + ": no north-up georeferencing (a layer needs a geotransform without rotation)"));
    }

    private static String code(GeoTiffInfo info) {
        return info.epsg().isPresent() ? Integer.toString(info.epsg().getAsInt()) : "unknown";
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    /** Every key whose tile holds at least one cell of some file. */
    List<SpatialKey> keys() {
        TreeSet<SpatialKey> keys = new TreeSet<>();
        for (Source s : sources) {
            int c0 = (int) (s.colOffset() / grid.tileCols());
            int c1 = (int) ((s.colOffset() + s.cols() - 1) / grid.tileCols());
            int r0 = (int) (s.rowOffset() / grid.tileRows());
            int r1 = (int) ((s.rowOffset() + s.rows() - 1) / grid.tileRows());
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    keys.add(new SpatialKey(c, r));
                }
            }
        }
        return new ArrayList<>(keys);
    }

    GeoTiffReaders openReaders() {
        return new GeoTiffReaders(conf.get(), decodedCacheBytes);
    }

    /** The layout tile of {@code key}: its in-raster cells, padded with NoData (0 if raw) to the tile size. */
    Tile readTile(SpatialKey key, GeoTiffReaders readers) throws IOException {
        Tile inner = readWindow(key, grid.x0(key), grid.y0(key), grid.innerCols(key), grid.innerRows(key), readers);
        return grid.pad(inner);
    }

    /** The in-raster cells of {@code key} with {@code halo} cells of context, read by byte range. */
    BufferedTile readHalo(SpatialKey key, int halo, GeoTiffReaders readers) throws IOException {
        int w = grid.innerCols(key);
        int h = grid.innerRows(key);
        Tile t = readWindow(key, grid.x0(key) - halo, grid.y0(key) - halo, w + 2 * halo, h + 2 * halo, readers);
        return new BufferedTile(t, halo, grid.outside(key), grid.cellSize());
    }

    /**
     * A window of the mosaic grid (may reach outside it: those cells are NoData), for tile {@code key}; a failed
     * read is a {@link TileReadException} naming the file and the key.
     */
    private Tile readWindow(SpatialKey key, long x0, long y0, int w, int h, GeoTiffReaders readers) throws IOException {
        long x1 = x0 + w - 1;
        long y1 = y0 + h - 1;
        Source only = null;
        int intersecting = 0;
        for (Source s : sources) {
            if (s.intersects(x0, y0, x1, y1)) {
                only = s;
                intersecting++;
            }
        }
        if (intersecting == 1
                && only.colOffset() <= x0
                && only.rowOffset() <= y0
                && only.colOffset() + only.cols() > x1
                && only.rowOffset() + only.rows() > y1) {
            // one file holds the whole window: its tile as read, without a NoData canvas to paste it into
            Tile part = readPart(
                    only,
                    key,
                    x0 - only.colOffset(),
                    y0 - only.rowOffset(),
                    x1 - only.colOffset(),
                    y1 - only.rowOffset(),
                    readers);
            if (part.cellType().equals(grid.cellType())) {
                return part.toArrayTile();
            }
            return TileBuilder.noData(grid.cellType(), w, h).paste(part, 0, 0).build();
        }
        TileBuilder out = TileBuilder.noData(grid.cellType(), w, h);
        for (Source s : sources) {
            if (!s.intersects(x0, y0, x1, y1)) {
                continue;
            }
            long fx0 = Math.max(x0, s.colOffset()) - s.colOffset();
            long fy0 = Math.max(y0, s.rowOffset()) - s.rowOffset();
            long fx1 = Math.min(x1, s.colOffset() + s.cols() - 1) - s.colOffset();
            long fy1 = Math.min(y1, s.rowOffset() + s.rows() - 1) - s.rowOffset();
            Tile part = readPart(s, key, fx0, fy0, fx1, fy1, readers);
            out.paste(part, (int) (s.colOffset() + fx0 - x0), (int) (s.rowOffset() + fy0 - y0));
        }
        return out.build();
    }

    /** Pixels {@code fx0..fx1, fy0..fy1} (inclusive, in the file's own grid) of source {@code s}. */
    private Tile readPart(Source s, SpatialKey key, long fx0, long fy0, long fx1, long fy1, GeoTiffReaders readers)
            throws TileReadException {
        try {
            return readers.get(s.uri()).readBand(new GridBounds(fx0, fy0, fx1, fy1), band, 0);
        } catch (IOException | RuntimeException e) {
            throw new TileReadException(s.uri(), key, e);
        }
    }
}
