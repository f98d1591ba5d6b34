package io.rastermill.io.sample;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.RasterDescription;
import java.io.IOException;

/**
 * A deterministic synthetic DEM, the sample data of the demo, the notebooks and tests: hills from a
 * few sine waves plus three octaves of hashed value noise, a flat lake at 300 m, and two elliptical
 * NoData holes; {@code size × size} float32 cells with NoData -9999, 30 m cells in UTM 33N
 * (EPSG:32633). Any window can be computed on its own, so the DEM is written block by block and never
 * held whole. Immutable and thread-safe.
 */
public final class SyntheticDem {
    public static final CellType CELL_TYPE = CellType.parse("float32ud-9999");
    public static final double CELL = 30;
    public static final double ORIGIN_X = 500_000;
    public static final double ORIGIN_Y = 5_000_000;
    public static final int EPSG = 32633;

    private final int size;

    public SyntheticDem(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("DEM size must be at least 1 cell, got " + size);
        }
        this.size = size;
    }

    public int size() {
        return size;
    }

    public RasterExtent rasterExtent() {
        return new RasterExtent(
                new Extent(ORIGIN_X, ORIGIN_Y - size * CELL, ORIGIN_X + size * CELL, ORIGIN_Y), CELL, CELL, size, size);
    }

    /** Elevation at a cell, or NaN in a hole. */
    public double z(int col, int row) {
        double u = (double) col / size;
        double v = (double) row / size;
        if (ellipse(u, v, 0.3, 0.7, 0.06, 0.04) || ellipse(u, v, 0.75, 0.25, 0.03, 0.07)) {
            return Double.NaN;
        }
        double z = 900
                + 500 * Math.sin(2 * Math.PI * u * 4) * Math.cos(2 * Math.PI * v * 3)
                + 300 * Math.sin(2 * Math.PI * (u + 0.7 * v) * 7);
        double amplitude = 260;
        double scale = 30;
        for (int octave = 0; octave < 3; octave++) {
            z += amplitude * valueNoise(u * scale, v * scale, octave);
            amplitude /= 2.2;
            scale *= 2.1;
        }
        return Math.max(z, 300); // lakes: flat at 300 m
    }

    private static boolean ellipse(double u, double v, double cu, double cv, double ru, double rv) {
        double du = (u - cu) / ru;
        double dv = (v - cv) / rv;
        return du * du + dv * dv <= 1;
    }

    /** Smoothly interpolated hashed lattice noise in [-1, 1]. */
    private static double valueNoise(double x, double y, int seed) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = smooth(x - x0);
        double fy = smooth(y - y0);
        double a = lattice(x0, y0, seed);
        double b = lattice(x0 + 1, y0, seed);
        double c = lattice(x0, y0 + 1, seed);
        double d = lattice(x0 + 1, y0 + 1, seed);
        return (a + (b - a) * fx) + ((c + (d - c) * fx) - (a + (b - a) * fx)) * fy;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lattice(int x, int y, int seed) {
        long h = x * 0x9E3779B97F4A7C15L ^ y * 0xC2B2AE3D27D4EB4FL ^ seed * 0x165667B19E3779F9L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (h & 0xFFFFFF) / (double) 0x7FFFFF - 1;
    }

    /** The cells {@code [x0, x0+w) × [y0, y0+h)} as a float32 tile (NoData in the holes). */
    public Tile window(int x0, int y0, int w, int h) {
        double[] lane = new double[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                lane[r * w + c] = z(x0 + c, y0 + r);
            }
        }
        return ArrayTile.fromDoubleLane(CELL_TYPE, w, h, lane);
    }

    /** Writes the DEM as a tiled DEFLATE + predictor-3 GeoTIFF, block by block, to a local path or Hadoop URI. */
    public void write(String target, int blockSize) throws IOException {
        RasterDescription d = RasterDescription.of(size, size, 1, CELL_TYPE)
                .withRasterExtent(rasterExtent())
                .withCrs(Crs.epsg(EPSG));
        SampleGeoTiffWriter.write(target, d, blockSize, 3, (x0, y0, w, h) -> MultibandTile.of(window(x0, y0, w, h)));
    }
}
