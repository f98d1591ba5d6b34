package io.rastermill.spark.warp;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tiles;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.GeoTiffWriter;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.io.tiff.GeoTransform;
import java.io.IOException;
import java.nio.file.Path;

/** Small UInt16 GeoTIFFs in UTM 33N (EPSG:32633) with 16-cell blocks: the sources and scenes of tests of many files. */
public final class SmallGeoTiffs {
    private SmallGeoTiffs() {}

    /**
     * Writes {@code values} ({@code cols × rows}, multiples of 16, row-major; 0 is NoData) with square cells of
     * {@code cell} metres, the upper-left corner at ({@code x0}, {@code y0}).
     */
    public static void writeUInt16(Path path, int cols, int rows, double cell, double x0, double y0, short[] values)
            throws IOException {
        RasterDescription d = RasterDescription.of(cols, rows, 1, CellType.UINT16)
                .withTransform(new GeoTransform(x0, cell, 0, y0, 0, -cell))
                .withEpsg(32633);
        try (GeoTiffWriter w = GeoTiffWriter.create(
                path.toString(), d, GeoTiffWriteOptions.builder().blockSize(16).build())) {
            for (int r = 0; r < rows / 16; r++) {
                for (int c = 0; c < cols / 16; c++) {
                    short[] block = new short[16 * 16];
                    for (int y = 0; y < 16; y++) {
                        System.arraycopy(values, (r * 16 + y) * cols + c * 16, block, y * 16, 16);
                    }
                    w.writeBlock(c, r, MultibandTile.of(Tiles.ofShorts(CellType.UINT16, 16, 16, block)));
                }
            }
            w.finish();
        }
    }
}
