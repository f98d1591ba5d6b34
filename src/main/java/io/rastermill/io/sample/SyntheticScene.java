package io.rastermill.io.sample;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.RasterDescription;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A deterministic two-band "satellite scene" on the {@link SyntheticDem} grid, for map algebra and
 * zonal statistics examples: band 1 red, band 2 near-infrared, as reflectance × 10000 in uint16 with
 * NoData 0 (GeoTrellis {@code uint16}). Vegetation is densest around 900 m and thins above and below
 * (NDVI from 0.15 to 0.80), the lake (the DEM's flat 300 m floor) is water (NIR below red, NDVI
 * negative), and the DEM's NoData holes are NoData in both bands. {@link #zonesGeoJson} gives a grid
 * of rectangular zones over the same extent. Immutable and thread-safe.
 */
public final class SyntheticScene {
    public static final CellType CELL_TYPE = CellType.UINT16;
    static final int WATER_RED = 400;
    static final int WATER_NIR = 200;

    private final SyntheticDem dem;

    public SyntheticScene(int size) {
        this.dem = new SyntheticDem(size);
    }

    public SyntheticDem dem() {
        return dem;
    }

    /** The vegetation NDVI the bands are made from at a cell (NaN in a hole, negative on water). */
    public double ndvi(int col, int row) {
        int[] rn = bands(col, row);
        return rn == null ? Double.NaN : (double) (rn[1] - rn[0]) / (rn[1] + rn[0]);
    }

    /** {red, nir} at a cell as stored, or null in a hole. */
    public int[] bands(int col, int row) {
        double z = (float) dem.z(col, row);
        if (Double.isNaN(z)) {
            return null;
        }
        if (z <= 300) {
            return new int[] {WATER_RED, WATER_NIR};
        }
        double veg = Math.exp(-Math.pow((z - 900) / 450, 2));
        double ndvi = 0.15 + 0.65 * veg;
        long nir = Math.round(2500 + 2500 * veg);
        long red = Math.round(nir * (1 - ndvi) / (1 + ndvi));
        return new int[] {(int) red, (int) nir};
    }

    /** The cells {@code [x0, x0+w) × [y0, y0+h)}: band 0 red, band 1 near-infrared. */
    public MultibandTile window(int x0, int y0, int w, int h) {
        int[] red = new int[w * h];
        int[] nir = new int[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int[] rn = bands(x0 + c, y0 + r);
                red[r * w + c] = rn == null ? NoData.INT : rn[0];
                nir[r * w + c] = rn == null ? NoData.INT : rn[1];
            }
        }
        Tile redTile = ArrayTile.fromIntLane(CELL_TYPE, w, h, red);
        Tile nirTile = ArrayTile.fromIntLane(CELL_TYPE, w, h, nir);
        return MultibandTile.of(redTile, nirTile);
    }

    /** Writes the scene as a tiled two-band DEFLATE + predictor-2 GeoTIFF, block by block (local path or Hadoop URI). */
    public void write(String target, int blockSize) throws IOException {
        int size = dem.size();
        RasterDescription d = RasterDescription.of(size, size, 2, CELL_TYPE)
                .withRasterExtent(dem.rasterExtent())
                .withCrs(Crs.epsg(SyntheticDem.EPSG));
        SampleGeoTiffWriter.write(target, d, blockSize, 2, this::window);
    }

    /**
     * A GeoJSON FeatureCollection (coordinates in the scene's UTM 33N metres) of {@code across × down}
     * rectangles tiling the scene's extent, west to east and north to south, each with the properties
     * {@code zone} ("A1", "B1", ... : column letter, row number) and {@code id} (1, 2, ...).
     */
    public String zonesGeoJson(int across, int down) {
        if (across < 1 || down < 1 || across > 26) {
            throw new IllegalArgumentException(
                    "zones must be 1..26 across and at least 1 down, got " + across + "x" + down);
        }
        Extent e = dem.rasterExtent().extent();
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        int id = 1;
        for (int r = 0; r < down; r++) {
            for (int c = 0; c < across; c++) {
                double x0 = e.xmin() + e.width() * c / across;
                double x1 = e.xmin() + e.width() * (c + 1) / across;
                double y1 = e.ymax() - e.height() * r / down;
                double y0 = e.ymax() - e.height() * (r + 1) / down;
                sb.append(id == 1 ? "" : ",")
                        .append(String.format(
                                Locale.ROOT,
                                "{\"type\":\"Feature\",\"properties\":{\"zone\":\"%c%d\",\"id\":%d},\"geometry\":{\"type\":\"Polygon\","
                                        + "\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}",
                                (char) ('A' + c),
                                r + 1,
                                id,
                                num(x0),
                                num(y0),
                                num(x1),
                                num(y0),
                                num(x1),
                                num(y1),
                                num(x0),
                                num(y1),
                                num(x0),
                                num(y0)));
                id++;
            }
        }
        return sb.append("]}").toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Writes {@link #zonesGeoJson} to a local file. */
    public void writeZones(Path target, int across, int down) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(zonesGeoJson(across, down).getBytes(StandardCharsets.UTF_8));
        }
    }
}
