package io.rastermill.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.codec.Compression;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The stored bytes of uncompressed blocks, built sample by sample here: single-band blocks are interleaved with bulk
 * row copies and full blocks skip zeroing, so an edge block after a full one must still come out zero-padded.
 */
class BlockCodecInterleaveTest {
    private static final int SIZE = 16;

    /** Cell (c, r): distinct, negative in places, with bytes that differ when swapped. */
    private static double cell(int c, int r) {
        return 300 * r + 7 * c - 2500.5 * (c % 3 == 0 ? 1 : 0);
    }

    private static Tile tile(CellType type, int cols, int rows) {
        Object storage = ArrayTile.allocate(type.dataType(), cols * rows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = cell(c, r);
                int i = r * cols + c;
                switch (type.dataType()) {
                    case INT16 -> ((short[]) storage)[i] = (short) v;
                    case INT32 -> ((int[]) storage)[i] = (int) v;
                    case FLOAT32 -> ((float[]) storage)[i] = (float) v;
                    case FLOAT64 -> ((double[]) storage)[i] = v;
                    default -> throw new IllegalArgumentException(type.name());
                }
            }
        }
        return ArrayTile.wrap(type, cols, rows, storage);
    }

    /** The block's bytes as TIFF stores them: little-endian rows of SIZE samples, zero beyond the tile. */
    private static byte[] expected(CellType type, int cols, int rows) {
        int bytes = BlockCodec.sampleKind(type.dataType()).bytes();
        ByteBuffer b = ByteBuffer.allocate(SIZE * SIZE * bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int at = (r * SIZE + c) * bytes;
                double v = cell(c, r);
                switch (type.dataType()) {
                    case INT16 -> b.putShort(at, (short) v);
                    case INT32 -> b.putInt(at, (int) v);
                    case FLOAT32 -> b.putFloat(at, (float) v);
                    case FLOAT64 -> b.putDouble(at, v);
                    default -> throw new IllegalArgumentException(type.name());
                }
            }
        }
        return b.array();
    }

    @Test
    void singleBandBlocksHoldLittleEndianRowsAndZeroPaddedEdges() throws Exception {
        GeoTiffWriteOptions o = GeoTiffWriteOptions.builder()
                .blockSize(SIZE)
                .compression(Compression.NONE)
                .build();
        for (CellType type : new CellType[] {CellType.INT16, CellType.INT32, CellType.FLOAT32, CellType.FLOAT64}) {
            try (BlockCodec codec = new BlockCodec(SIZE, 1, type, o)) {
                // full, then edge (stale bytes of the full block must not show), then full again
                int[][] shapes = {{SIZE, SIZE}, {5, 3}, {SIZE, SIZE}, {SIZE, 7}};
                for (int[] s : shapes) {
                    codec.encode(MultibandTile.of(tile(type, s[0], s[1])));
                    byte[] got = Arrays.copyOf(codec.encoded(), codec.encodedLength());
                    assertArrayEquals(expected(type, s[0], s[1]), got, type.name() + " " + s[0] + "x" + s[1]);
                }
            }
        }
    }
}
